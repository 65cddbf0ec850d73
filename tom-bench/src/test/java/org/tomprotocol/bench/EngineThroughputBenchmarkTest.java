package org.tomprotocol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.spi.crypto.CryptoException;

/** The engine benchmark measures what it claims: real deliveries, and a crypto pipeline that verifies. */
class EngineThroughputBenchmarkTest {
    private final EngineThroughputBenchmark benchmark = new EngineThroughputBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void everyInvocationDeliversOneBatchToTheRecipientApplication() {
        assertThat(benchmark.engine()).isEqualTo(EngineThroughputBenchmark.BATCH);
        assertThat(benchmark.engine()).isEqualTo(2L * EngineThroughputBenchmark.BATCH);
    }

    @Test
    void theCryptoBaselineEndsWithAnAcknowledgementTheSenderAccepts() throws CryptoException {
        InboundVerifier.Result atSender = (InboundVerifier.Result) benchmark.cryptoOfOneMessage();

        assertThat(atSender.rejectReason()).isNull();
        assertThat(atSender.verified().ack()).isNotNull();
    }
}
