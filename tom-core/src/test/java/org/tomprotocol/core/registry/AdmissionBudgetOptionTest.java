package org.tomprotocol.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.ConfigurationException;

/**
 * Lock 5's options: {@code tom.admission-budget}, a whole number of messages a second, 1 to a million, 10 unless set;
 * {@code tom.max-stamp-bits}, 0 to 28, 20 unless set.
 */
class AdmissionBudgetOptionTest {
    @Test
    void theBudgetIsTenUnlessSetAndTakenAsGivenWithinRange() {
        assertThat(EngineOptions.admissionBudget(Map.of())).isEqualTo(10);
        assertThat(EngineOptions.admissionBudget(Map.of("tom.admission-budget", " 250 "))).isEqualTo(250);
    }

    @Test
    void aBudgetOutOfRangeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> EngineOptions.admissionBudget(Map.of("tom.admission-budget", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tom.admission-budget")
                .hasMessageContaining("between 1 and 1000000");
        assertThatThrownBy(() -> OptionCheck.check(Map.of("tom.admission-budget", "ten"), EngineOptions.ALL))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tom.admission-budget");
    }

    @Test
    void theHardestStampMintedIsTwentyBitsUnlessSetWithinZeroToTwentyEight() {
        assertThat(EngineOptions.maxStampBits(Map.of())).isEqualTo(20);
        assertThat(EngineOptions.maxStampBits(Map.of("tom.max-stamp-bits", "0"))).isZero();
        assertThatThrownBy(() -> EngineOptions.maxStampBits(Map.of("tom.max-stamp-bits", "29")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tom.max-stamp-bits");
    }
}
