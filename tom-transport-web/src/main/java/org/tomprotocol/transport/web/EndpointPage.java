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

/** The plain HTTP side of the endpoint: {@code GET /} names the node and its socket; anything else is 404. */
final class EndpointPage extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final NodeId node;

    EndpointPage(NodeId node) {
        this.node = node;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean home = request.method() == HttpMethod.GET && request.uri().equals("/");
        String body = home
                ? "<!doctype html><meta charset=utf-8><title>ToM node</title><p>ToM node <code>" + node.toHex()
                        + "</code>: browser nodes connect to the WebSocket <code>" + WebTransport.PATH + "</code>.\n"
                : "not found\n";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                home ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, home ? "text/html; charset=utf-8" : "text/plain")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
