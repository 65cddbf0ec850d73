package org.example.tom.staticpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.OptionSpec;

/** The options: their defaults as declared, and values out of range refused with the key and the range. */
class StaticPeersSettingsTest {

    @Test
    void withoutOptionsTheDeclaredDefaultsApply() {
        Map<String, String> declared = StaticPeersSettings.OPTIONS.stream()
                .collect(Collectors.toMap(OptionSpec::key, OptionSpec::defaultValue));

        assertThat(StaticPeersSettings.from(Map.of())).isEqualTo(new StaticPeersSettings(Optional.empty(),
                StaticPeersSettings.DEFAULT_REDIAL_INTERVAL_MILLIS, StaticPeersSettings.DEFAULT_MAX_LEARNED_PEERS))
                .isEqualTo(StaticPeersSettings.from(declared));
    }

    @Test
    void everyOptionIsReadFromItsKey() {
        StaticPeersSettings settings = StaticPeersSettings.from(Map.of(StaticPeersSettings.PEERS_FILE, " peers.txt ",
                StaticPeersSettings.REDIAL_INTERVAL, "250", StaticPeersSettings.MAX_LEARNED_PEERS, "0"));

        assertThat(settings).isEqualTo(new StaticPeersSettings(Optional.of(Path.of("peers.txt")), 250, 0));
    }

    @Test
    void aRedialIntervalTooShortIsRefusedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> StaticPeersSettings.from(Map.of(StaticPeersSettings.REDIAL_INTERVAL, "10")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option static.redial-interval-ms=10 is out of range: use 100 to 3600000 (default 5000)");
    }

    @Test
    void aMaxLearnedPeersOutOfRangeIsRefusedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> StaticPeersSettings.from(Map.of(StaticPeersSettings.MAX_LEARNED_PEERS, "-1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option static.max-learned-peers=-1 is out of range: use 0 to 1024 (default 32)");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> StaticPeersSettings.from(Map.of(StaticPeersSettings.REDIAL_INTERVAL, "5s")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option static.redial-interval-ms='5s' is not a number of milliseconds; remove it to use "
                        + "the default 5000");
    }
}
