package org.tomprotocol.spi.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void aFullBucketGivesItsCapacityAtOnceThenRefillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        assertThat(bucket.tryTake(1, 0)).isTrue();
        assertThat(bucket.tryTake(2, 0)).isTrue();
        assertThat(bucket.tryTake(1, 0)).isFalse();
        assertThat(bucket.tryTake(1, 499)).as("half a token after 499 ms at 2/s").isFalse();
        assertThat(bucket.tryTake(1, 500)).isTrue();
        assertThat(bucket.available(10_000)).as("never beyond capacity").isEqualTo(3);
        assertThat(bucket.isFull(10_000)).isTrue();
    }

    @Test
    void anActionCostingMoreThanWhatIsLeftDoesNotHappenAndTakesNothing() {
        TokenBucket bucket = new TokenBucket(10, 1, 0);
        assertThat(bucket.tryTake(11, 0)).isFalse();
        assertThat(bucket.available(0)).isEqualTo(10);
    }

    @Test
    void aBucketWithoutCapacityOrRateIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
