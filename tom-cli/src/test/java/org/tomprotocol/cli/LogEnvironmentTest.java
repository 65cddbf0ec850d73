package org.tomprotocol.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.cli.logging.JsonLogFormatter;

/** TOM_LOG_LEVEL and TOM_LOG_FORMAT, read once when {@code tom} starts. */
class LogEnvironmentTest {
    private Level rootLevel;
    private final Map<Handler, Formatter> formatters = new HashMap<>();
    private final Map<Handler, Level> levels = new HashMap<>();

    @BeforeEach
    void rememberLogging() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        for (Handler handler : root.getHandlers()) {
            formatters.put(handler, handler.getFormatter());
            levels.put(handler, handler.getLevel());
        }
    }

    @AfterEach
    void restoreLogging() {
        Logger.getLogger("").setLevel(rootLevel);
        formatters.forEach(Handler::setFormatter);
        levels.forEach(Handler::setLevel);
    }

    @Test
    void tomLogFormatJsonMakesEveryConsoleLineJsonAtTheAskedLevel() {
        TomCli.configureLogging(Map.of("TOM_LOG_FORMAT", "json", "TOM_LOG_LEVEL", "fine"));

        Logger root = Logger.getLogger("");
        assertThat(root.getLevel()).isEqualTo(Level.FINE);
        assertThat(root.getHandlers()).isNotEmpty().allSatisfy(handler -> {
            assertThat(handler.getFormatter()).isInstanceOf(JsonLogFormatter.class);
            assertThat(handler.getLevel()).isEqualTo(Level.FINE);
        });
    }

    @Test
    void withoutItLinesStayReadableAndOnlyWarningsShow() {
        TomCli.configureLogging(Map.of());

        assertThat(Logger.getLogger("").getLevel()).isEqualTo(Level.WARNING);
        assertThat(Logger.getLogger("").getHandlers())
                .allSatisfy(handler -> assertThat(handler.getFormatter()).isInstanceOf(SimpleFormatter.class));
    }

    @Test
    void anUnknownFormatNamesTheVariableAndTheChoices() {
        assertThatThrownBy(() -> TomCli.configureLogging(Map.of("TOM_LOG_FORMAT", "xml")))
                .hasMessage("TOM_LOG_FORMAT='xml' is not a log format: use text or json");
    }
}
