package org.tomprotocol.spi.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theWaitDoublesUpToTheMaximumAndStartsOverOnReset() {
        Backoff backoff = new Backoff(1_000, 5_000);
        assertThat(new long[] {backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()})
                .containsExactly(1_000, 2_000, 4_000, 5_000, 5_000);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(1_000);
    }

    @Test
    void aBackoffWhoseMaximumIsBelowItsStartIsRefused() {
        assertThatThrownBy(() -> new Backoff(2_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
