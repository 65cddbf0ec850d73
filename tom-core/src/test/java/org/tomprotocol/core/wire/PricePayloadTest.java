package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomprotocol.core.wire.PayloadCodecsTest.assertRefused;

import org.junit.jupiter.api.Test;

/** A {@code Price} (wire spec §15): the vector reads back as written; out-of-range or non-canonical forms are refused. */
class PricePayloadTest {
    private static WireVectors.Vector vector(String name) {
        return WireVectors.generate().stream().filter(vector -> vector.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theVectorsPriceReadsBackByteForByte() throws WireException {
        byte[] payload = vector("price-told").payload();

        PricePayload price = PricePayload.decode(payload);

        assertThat(price).isEqualTo(new PricePayload(12, 300, 60_000));
        assertThat(price.encode()).isEqualTo(payload);
    }

    @Test
    void aPriceOutOfRangeOrNotInItsFormIsRefused() {
        assertThatThrownBy(() -> new PricePayload(Stamp.MAX_BITS + 1, 0, 0)).hasMessageContaining("stamp bits");
        assertThatThrownBy(() -> new PricePayload(0, PricePayload.MAX_DELAY_MS + 1, 0)).hasMessageContaining("delay");
        byte[] tooHard = new MsgpackWriter().arrayHeader(3).unsigned(33).unsigned(0).unsigned(0).toByteArray();
        assertRefused(() -> PricePayload.decode(tooHard), "out-of-range");
        byte[] wide = new byte[] {(byte) 0x93, (byte) 0xcc, 12, 0, 0};
        assertRefused(() -> PricePayload.decode(wide), "non-canonical");
        byte[] extra = new MsgpackWriter().arrayHeader(4).unsigned(1).unsigned(0).unsigned(0).unsigned(0)
                .toByteArray();
        assertRefused(() -> PricePayload.decode(extra), "too-large");
    }
}
