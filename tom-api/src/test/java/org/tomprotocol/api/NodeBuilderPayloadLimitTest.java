package org.tomprotocol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A node's payload limit can be lowered, never raised past what an envelope can carry. */
class NodeBuilderPayloadLimitTest {
    @Test
    void aLimitAboveWhatAnEnvelopeCarriesIsRefusedNamingTheMaximum() {
        assertThatThrownBy(() -> Tom.node().maxPayloadBytes(NodeBuilder.MAX_PAYLOAD_BYTES + 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxPayloadBytes").hasMessageContaining(String.valueOf(NodeBuilder.MAX_PAYLOAD_BYTES));
    }

    @Test
    void theLimitDefaultsToTheMaximumAndCanBeLowered() {
        assertThat(Tom.node().config().maxPayloadBytes()).isEqualTo(NodeBuilder.MAX_PAYLOAD_BYTES);
        assertThat(Tom.node().maxPayloadBytes(1024).config().maxPayloadBytes()).isEqualTo(1024);
    }
}
