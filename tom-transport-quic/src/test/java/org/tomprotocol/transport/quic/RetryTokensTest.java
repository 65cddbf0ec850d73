package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Stateless Retry tokens: good for one client, one connection attempt and a short while only. */
class RetryTokensTest {
    private static final long VALIDITY = 10_000;
    private final RetryTokens tokens = new RetryTokens(new SecureRandom(), VALIDITY);
    private final InetSocketAddress client = address("198.51.100.7", 40000);
    private final ByteBuf odcid = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    @Test
    void aTokenIsValidForItsClientWithinTheValidityAndCarriesTheOriginalConnectionId() {
        ByteBuf token = mint(1_000);

        int offset = tokens.validate(token, client, 1_000 + VALIDITY);

        assertThat(offset).isPositive();
        assertThat(token.slice(offset, token.readableBytes() - offset)).isEqualTo(odcid);
        assertThat(token.readableBytes()).isLessThanOrEqualTo(RetryTokens.MAX_LENGTH);
    }

    @Test
    void aTokenIsRefusedFromAnotherAddressOrPortLateOrTampered() {
        ByteBuf token = mint(1_000);

        assertThat(tokens.validate(token, address("198.51.100.8", 40000), 1_000)).isEqualTo(-1);
        assertThat(tokens.validate(token, address("198.51.100.7", 40001), 1_000)).isEqualTo(-1);
        assertThat(tokens.validate(token, client, 1_000 + VALIDITY + 1)).isEqualTo(-1);
        assertThat(tokens.validate(token, client, 999)).as("issued in the future").isEqualTo(-1);
        ByteBuf tampered = token.copy();
        tampered.setByte(tampered.writerIndex() - 1, tampered.getByte(tampered.writerIndex() - 1) ^ 1);
        assertThat(tokens.validate(tampered, client, 1_000)).isEqualTo(-1);
        assertThat(tokens.validate(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), client, 1_000)).isEqualTo(-1);
        assertThat(new RetryTokens(new SecureRandom(), VALIDITY).validate(token, client, 1_000))
                .as("another transport's key").isEqualTo(-1);
    }

    private ByteBuf mint(long now) {
        ByteBuf token = Unpooled.buffer(RetryTokens.MAX_LENGTH);
        tokens.mint(token, odcid, client, now);
        return token;
    }

    private static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
