package org.tomprotocol.core.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.Tom;

class OptionCheckTest {
    private static final List<OptionSpec> DECLARED = List.of(
            new OptionSpec("quic.idle-timeout-ms", OptionSpec.Type.MILLISECONDS, "30000", "Idle timeout."),
            new OptionSpec("quic.limit-loopback", OptionSpec.Type.BOOLEAN, "false", "Loopback caps."),
            new OptionSpec("gossip.active-view", OptionSpec.Type.INTEGER, "5", "Active view."));

    @Test
    void declaredOptionsWithValuesOfTheirTypePass() {
        assertThatCode(() -> OptionCheck.check(Map.of("quic.idle-timeout-ms", "5000", "quic.limit-loopback", "true",
                "gossip.active-view", "-1"), DECLARED)).doesNotThrowAnyException();
    }

    @Test
    void aMisspelledKeyIsAnErrorNamingItAndTheValidKeysOfTheSameProvider() {
        assertThatThrownBy(() -> OptionCheck.check(Map.of("quic.idle-timeout", "5000"), DECLARED))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown option 'quic.idle-timeout'; valid options starting with quic. are: "
                        + "quic.idle-timeout-ms, quic.limit-loopback");
    }

    @Test
    void aKeyOfNoProviderFoundIsAnErrorListingEveryValidKey() {
        assertThatThrownBy(() -> OptionCheck.check(Map.of("webrtc.port", "1"), DECLARED))
                .hasMessage("unknown option 'webrtc.port'; valid options are: gossip.active-view, "
                        + "quic.idle-timeout-ms, quic.limit-loopback");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorNamingTheKeyAndTheType() {
        assertThatThrownBy(() -> OptionCheck.check(Map.of("quic.idle-timeout-ms", "5s"), DECLARED))
                .hasMessage("option quic.idle-timeout-ms='5s' is not a number of milliseconds (Idle timeout.)");
        assertThatThrownBy(() -> OptionCheck.check(Map.of("quic.limit-loopback", "yes"), DECLARED))
                .hasMessageStartingWith("option quic.limit-loopback='yes' is not true or false");
    }

    @Test
    void aNodeRefusesToStartWithAnUnknownOptionOfItsOwn() {
        assertThatThrownBy(() -> Tom.node().serviceLoading(false)
                .provider(new org.tomprotocol.crypto.TomV1CryptoSuiteProvider())
                .option("node.nmae", "alice").start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown option 'node.nmae'; valid options starting with node. are: node.name");
    }

    @Test
    void anOptionSpecRefusesAKeyWithoutPrefixAndADefaultOfTheWrongType() {
        assertThatThrownBy(() -> new OptionSpec("timeout", OptionSpec.Type.MILLISECONDS, "1", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new OptionSpec("quic.timeout-ms", OptionSpec.Type.MILLISECONDS, "soon", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number of milliseconds");
    }
}
