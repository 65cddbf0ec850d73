package org.tomprotocol.transport.web;

import java.nio.charset.StandardCharsets;

import org.tomprotocol.api.NodeId;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The plain HTTP side of the endpoint. With page files (option {@code web.page-dir}) it serves them, {@code /} being
 * {@code index.html}; without, {@code GET /} names the node and its socket. Anything else is 404, a method other than
 * GET 405.
 */
final class EndpointPage extends SimpleChannelInboundHandler<FullHttpRequest> {
    /**
     * The page may load only its own files and talk only to its own endpoint: a page served by a node is a node's
     * identity holder, so nothing from elsewhere runs in it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final NodeId node;
    private final PageFiles page;

    EndpointPage(NodeId node, PageFiles page) {
        this.node = node;
        this.page = page;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.method() != HttpMethod.GET) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", bytes("GET only\n"));
            return;
        }
        if (!page.isEmpty()) {
            page.lookup(request.uri()).ifPresentOrElse(
                    file -> respond(ctx, HttpResponseStatus.OK, file.type(), file.content()),
                    () -> respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", bytes("not found\n")));
            return;
        }
        if (request.uri().equals("/")) {
            respond(ctx, HttpResponseStatus.OK, "text/html; charset=utf-8", bytes(
                    "<!doctype html><meta charset=utf-8><title>ToM node</title><p>ToM node <code>" + node.toHex()
                            + "</code>: browser nodes connect to the WebSocket <code>" + WebTransport.PATH + "</code>.\n"));
        } else {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", bytes("not found\n"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String type, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                // the page changes with the node's version: always asked again, never stale
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set("content-security-policy", CONTENT_SECURITY_POLICY)
                .set("x-content-type-options", "nosniff");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
