package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

class ProviderAndOptionsTest {
    private final QuicTransportProvider provider = new QuicTransportProvider();

    @Test
    void isFoundByServiceLoaderAndDescribesItself() {
        assertThat(ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(QuicTransportProvider.class);
        assertThat(provider.id()).isEqualTo("quic");
        assertThat(provider.scheme()).isEqualTo("quic");
        assertThat(provider.priority()).isEqualTo(100);
    }

    @Test
    void isAvailableWhenTheNativeLibraryLoads() {
        Availability availability = provider.availability();
        assertThat(availability.available()).as(availability.reason()).isTrue();
        assertThat(io.netty.handler.codec.quic.Quic.isAvailable()).isTrue();
    }

    @Test
    void boundTransportOffersASecureLinkObservedAddressesAndNatTraversal() throws Exception {
        try (var transport = provider.bind(context(List.of(), 1 << 20, Map.of()))) {
            assertThat(transport.capabilities()).containsExactlyInAnyOrder(TransportCapability.SECURE_LINK,
                    TransportCapability.OBSERVED_ADDRESSES, TransportCapability.NAT_TRAVERSAL);
            assertThat(transport.localAddresses()).isNotEmpty()
                    .allSatisfy(address -> assertThat(address.address()).doesNotEndWith(":0"));
        }
    }

    @Test
    void bindRefusesWhatItCannotHonour() {
        assertThatThrownBy(() -> provider.bind(context(List.of(TransportAddress.parse("quic:127.0.0.1:0"),
                TransportAddress.parse("quic:[::1]:0")), 1 << 20, Map.of())))
                .isInstanceOf(TransportException.class).hasMessageContaining("one quic: listen address");
        assertThatThrownBy(() -> provider.bind(context(List.of(), 1 << 24, Map.of())))
                .isInstanceOf(TransportException.class).hasMessageContaining("24-bit");
        assertThatThrownBy(() -> provider.bind(context(List.of(), 1 << 20, Map.of(QuicOptions.KEEPALIVE, "soon"))))
                .isInstanceOf(TransportException.class).hasMessageContaining("quic.keepalive-ms");
        assertThatThrownBy(() -> provider.bind(context(List.of(TransportAddress.parse("quic:localhost:0")),
                1 << 20, Map.of()))).isInstanceOf(TransportException.class).hasMessageContaining("IP address");
    }

    @Test
    void optionsHaveDefaultsAndAreChecked() {
        QuicOptions defaults = QuicOptions.from(context(List.of(), 1, Map.of()));
        assertThat(defaults).isEqualTo(new QuicOptions(10_000, 30_000, 5_000, 5_000, 1_000, 32_000, 4096));
        assertThat(defaults.tickMillis()).isEqualTo(1_000);

        QuicOptions custom = QuicOptions.from(context(List.of(), 1, Map.of(QuicOptions.ACK_TIMEOUT, "400",
                QuicOptions.MAX_QUEUED_FRAMES, " 10 ")));
        assertThat(custom.ackTimeoutMillis()).isEqualTo(400);
        assertThat(custom.maxQueuedFrames()).isEqualTo(10);
        assertThat(custom.tickMillis()).isEqualTo(100);

        assertThatThrownBy(() -> QuicOptions.from(context(List.of(), 1, Map.of(QuicOptions.IDLE_TIMEOUT, "5000"))))
                .hasMessageContaining("quic.keepalive-ms (10000) must be smaller than quic.idle-timeout-ms (5000)");
        assertThatThrownBy(() -> QuicOptions.from(context(List.of(), 1, Map.of(QuicOptions.BACKOFF_MAX, "10"))))
                .hasMessageContaining(QuicOptions.BACKOFF_INITIAL);
        assertThatThrownBy(() -> QuicOptions.from(context(List.of(), 1, Map.of(QuicOptions.MAX_QUEUED_FRAMES, "0"))))
                .hasMessageContaining("quic.max-queued-frames");
    }

    @Test
    void limitsHaveDefaultsScaledToTheFrameSizeAndAreChecked() {
        QuicLimits defaults = QuicLimits.from(Map.of(), 256 * 1024);
        assertThat(defaults).isEqualTo(new QuicLimits(32L << 20, 1L << 20, 15_000, 256, 16, 32, 16, false, 30_000,
                4096, 300_000));
        QuicLimits large = QuicLimits.from(Map.of(), 8 << 20);
        assertThat(large.inboundBufferPerConnectionBytes()).isEqualTo(32L << 20);
        assertThat(large.inboundBufferBytes()).isEqualTo(64L << 20);
        assertThat(QuicLimits.from(Map.of(QuicLimits.LIMIT_LOOPBACK, " TRUE "), 1024).limitLoopback()).isTrue();

        assertThatThrownBy(() -> QuicLimits.from(Map.of(QuicLimits.INBOUND_BUFFER_PER_CONNECTION, "100000"), 256 * 1024))
                .hasMessageContaining(QuicLimits.INBOUND_BUFFER_PER_CONNECTION).hasMessageContaining("tom.max-frame-bytes");
        assertThatThrownBy(() -> QuicLimits.from(Map.of(QuicLimits.INBOUND_BUFFER, "2000000"), 1 << 20))
                .hasMessageContaining(QuicLimits.INBOUND_BUFFER + " (2000000)");
        assertThatThrownBy(() -> QuicLimits.from(Map.of(QuicLimits.RETRY_ABOVE_HALF_OPEN, "300"), 1024))
                .hasMessageContaining("must not exceed " + QuicLimits.MAX_HALF_OPEN);
        assertThatThrownBy(() -> QuicLimits.from(Map.of(QuicLimits.LIMIT_LOOPBACK, "yes"), 1024))
                .hasMessageContaining(QuicLimits.LIMIT_LOOPBACK).hasMessageContaining("true or false");
        assertThatThrownBy(() -> QuicLimits.from(Map.of(QuicLimits.MAX_HALF_OPEN, "0"), 1024))
                .hasMessageContaining(QuicLimits.MAX_HALF_OPEN);
        assertThatThrownBy(() -> provider.bind(context(List.of(), 1 << 20,
                Map.of(QuicLimits.FRAME_DEADLINE, "soon")))).isInstanceOf(TransportException.class)
                .hasMessageContaining(QuicLimits.FRAME_DEADLINE);
    }

    @Test
    void punchBoundsHaveDefaultsAndAreChecked() {
        assertThat(PunchTiming.DEFAULT.maxPunches()).isEqualTo(16);
        assertThat(PunchTiming.DEFAULT.bytesPerSecond()).isEqualTo(16 * 1024);
        assertThat(PunchTiming.DEFAULT.probeOffsetMillis(4)).isEqualTo(750);
        assertThatThrownBy(() -> PunchTiming.from(Map.of(PunchTiming.BYTES_PER_SECOND, "10")))
                .hasMessageContaining(PunchTiming.BYTES_PER_SECOND);
        assertThatThrownBy(() -> PunchTiming.from(Map.of(PunchTiming.MAX_PUNCHES, "many")))
                .hasMessageContaining(PunchTiming.MAX_PUNCHES);
    }

    private static TransportContext context(List<TransportAddress> listen, int maxFrameBytes,
                                            Map<String, String> options) {
        return new TransportContext(JdkTestCrypto.newIdentity(), JdkTestCrypto.INSTANCE, listen, maxFrameBytes,
                options, new RecordingListener());
    }

    @Test
    void dialBackoffDoublesFromOneSecondToThirtyTwo() {
        QuicOptions options = QuicOptions.from(context(List.of(), 1, Map.of()));
        DialState state = new DialState();
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = state.nextBackoff(options);
        }
        assertThat(waits).containsExactly(1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 32_000, 32_000);
        state.resetBackoff();
        assertThat(state.nextBackoff(options)).isEqualTo(1_000);
    }

    @Test
    void everyOptionKeyTheTransportReadsIsDeclaredWithItsDefault() throws Exception {
        java.util.Set<String> read = new java.util.TreeSet<>();
        for (Class<?> options : List.of(QuicOptions.class, PunchTiming.class, QuicLimits.class)) {
            for (java.lang.reflect.Field field : options.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value.startsWith("quic.")) {
                        read.add(value);
                    }
                }
            }
        }
        var declared = provider.options();

        assertThat(declared).extracting(org.tomprotocol.api.OptionSpec::key).containsExactlyInAnyOrderElementsOf(read);
        assertThat(declared).filteredOn(spec -> spec.key().equals(QuicOptions.IDLE_TIMEOUT)).singleElement()
                .satisfies(spec -> assertThat(spec.defaultValue()).isEqualTo(
                        String.valueOf(QuicOptions.from(Map.of()).idleTimeoutMillis())));
        assertThat(declared).allSatisfy(spec -> assertThat(spec.problemWith(spec.defaultValue())).isEmpty());
    }
}
