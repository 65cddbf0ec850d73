package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netty.buffer.ByteBuf;

/**
 * Stateless QUIC Retry tokens (RFC 9000 §8.1.2): a server that answers a client's first Initial with a Retry
 * keeps nothing; the client's next Initial carries the token, which proves it receives packets at its source
 * address. A token is {@code version(1) issued-at(8, ms) mac(16) original-dcid}, the MAC an HMAC-SHA256 under a
 * key only this transport knows, over the version, the issue time, the client's IP address and port and the
 * original destination connection id — so it is good for that client, that connection attempt and a short
 * while only. Event-loop confined (one {@link Mac}).
 */
final class RetryTokens {
    private static final int VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int MAX_CONNECTION_ID = 20;
    private static final int HEADER_BYTES = 1 + 8 + MAC_BYTES;
    /** The longest token. */
    static final int MAX_LENGTH = HEADER_BYTES + MAX_CONNECTION_ID;

    private final Mac mac;
    private final long validityMillis;

    RetryTokens(SecureRandom random, long validityMillis) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        this.validityMillis = validityMillis;
    }

    /** Writes a token for {@code client}, whose first Initial was sent to {@code originalDcid}. */
    void mint(ByteBuf out, ByteBuf originalDcid, InetSocketAddress client, long nowMillis) {
        byte[] odcid = new byte[originalDcid.readableBytes()];
        originalDcid.getBytes(originalDcid.readerIndex(), odcid);
        out.writeByte(VERSION).writeLong(nowMillis).writeBytes(sign(nowMillis, client, odcid)).writeBytes(odcid);
    }

    /**
     * Checks a token a client sent back.
     *
     * @return where the original destination connection id starts in {@code token}, or -1 if the token is not one
     *         this transport issued to {@code client} within the validity
     */
    int validate(ByteBuf token, InetSocketAddress client, long nowMillis) {
        int start = token.readerIndex();
        int length = token.readableBytes();
        if (length < HEADER_BYTES || length > MAX_LENGTH || token.getUnsignedByte(start) != VERSION) {
            return -1;
        }
        long issued = token.getLong(start + 1);
        if (issued > nowMillis || nowMillis - issued > validityMillis) {
            return -1;
        }
        byte[] given = new byte[MAC_BYTES];
        token.getBytes(start + 9, given);
        byte[] odcid = new byte[length - HEADER_BYTES];
        token.getBytes(start + HEADER_BYTES, odcid);
        return MessageDigest.isEqual(given, sign(issued, client, odcid)) ? HEADER_BYTES : -1;
    }

    private byte[] sign(long issued, InetSocketAddress client, byte[] odcid) {
        mac.update((byte) VERSION);
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (issued >>> shift));
        }
        byte[] ip = client.getAddress().getAddress();
        mac.update((byte) ip.length);
        mac.update(ip);
        mac.update((byte) (client.getPort() >>> 8));
        mac.update((byte) client.getPort());
        mac.update(odcid);
        byte[] full = mac.doFinal();
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return truncated;
    }
}
