package org.tomprotocol.spi.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpiringSetTest {
    @Test
    void aKeyRemovedIsGoneAndRemovingSaysWhetherItWasThereUnexpired() {
        ExpiringSet<String> set = new ExpiringSet<>(100, 10);
        set.add("a", 0);
        set.add("b", 0);

        assertThat(set.remove("a", 50)).isTrue();
        assertThat(set.contains("a", 50)).isFalse();
        assertThat(set.remove("a", 60)).as("removed already").isFalse();
        assertThat(set.remove("b", 100)).as("expired").isFalse();
        assertThat(set.size()).isZero();
    }
}
