package org.tomprotocol.spi.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpiringMapTest {
    @Test
    void anEntryLivesItsTtlThenIsAbsentAndPurged() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(100, 10);
        map.put("a", 1, 0);
        assertThat(map.get("a", 99)).isEqualTo(1);
        assertThat(map.contains("a", 100)).isFalse();
        assertThat(map.nextExpiry()).isEqualTo(100);
        assertThat(map.purge(100)).isEqualTo(1);
        assertThat(map.size()).isZero();
        assertThat(map.nextExpiry()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void putIfAbsentKeepsALiveEntryAndReplacesAnExpiredOne() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(100, 10);
        assertThat(map.putIfAbsent("a", 1, 0)).isTrue();
        assertThat(map.putIfAbsent("a", 2, 50)).isFalse();
        assertThat(map.get("a", 60)).isEqualTo(1);
        assertThat(map.putIfAbsent("a", 3, 100)).isTrue();
        assertThat(map.get("a", 150)).isEqualTo(3);
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenTheOldest() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(100, 2);
        map.put("a", 1, 0);
        map.put("b", 2, 50);
        map.put("c", 3, 120);
        assertThat(map.get("b", 120)).as("only the expired a made room").isEqualTo(2);
        map.put("d", 4, 121);
        assertThat(map.contains("b", 121)).as("then the oldest goes").isFalse();
        assertThat(map.newest(5)).containsExactly(Map.entry("d", 4), Map.entry("c", 3));
        assertThat(map.newest(1)).containsExactly(Map.entry("d", 4));
    }

    @Test
    void anExpiringSetRemembersAKeyForItsTtl() {
        ExpiringSet<String> set = new ExpiringSet<>(100, 10);
        assertThat(set.add("x", 0)).isTrue();
        assertThat(set.add("x", 99)).isFalse();
        assertThat(set.contains("x", 99)).isTrue();
        assertThat(set.add("x", 100)).as("a sighting after the ttl is a first one again").isTrue();
        assertThat(set.purge(1_000)).isEqualTo(1);
    }
}
