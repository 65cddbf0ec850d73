package org.tomprotocol.spi.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecayingCountTest {
    @Test
    void aCountHalvesEveryHalfLifeAndAddsUp() {
        DecayingCount count = new DecayingCount(1_000);
        count.add(8, 0);
        assertThat(count.value(1_000)).isCloseTo(4, within(1e-9));
        count.add(1, 1_000);
        assertThat(count.value(3_000)).isCloseTo(1.25, within(1e-9));
        assertThat(count.value(100_000)).isLessThan(1e-20);
    }

    @Test
    void timeThatRunsBackwardsChangesNothing() {
        DecayingCount count = new DecayingCount(1_000);
        count.add(2, 5_000);
        assertThat(count.value(4_000)).isEqualTo(2);
    }
}
