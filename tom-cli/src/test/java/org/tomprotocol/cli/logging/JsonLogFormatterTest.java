package org.tomprotocol.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.cli.TomCli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** One JSON object per log line, whatever the message holds; chosen with --log-format or TOM_LOG_FORMAT. */
class JsonLogFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLogFormatter formatter = new JsonLogFormatter();
    private Level rootLevel;
    private Map<Handler, Formatter> formatters;

    @BeforeEach
    void rememberLogging() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        formatters = new java.util.HashMap<>();
        for (Handler handler : root.getHandlers()) {
            formatters.put(handler, handler.getFormatter());
        }
    }

    @AfterEach
    void restoreLogging() {
        Logger.getLogger("").setLevel(rootLevel);
        formatters.forEach(Handler::setFormatter);
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("org.tomprotocol.core.runtime.InboundPipeline");
        record.setInstant(Instant.parse("2025-01-02T03:04:05.678Z"));
        record.setParameters(parameters);
        return record;
    }

    private List<JsonNode> lines(LogRecord... records) throws Exception {
        StringBuilder out = new StringBuilder();
        for (LogRecord record : records) {
            out.append(formatter.format(record));
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(records.length);
        List<JsonNode> parsed = new java.util.ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    @Test
    void eachRecordIsOneJsonLineWithTimestampLevelLoggerThreadAndMessage() throws Exception {
        JsonNode line = lines(record(Level.FINE, "rejected a frame from {0}: {1}", "ab12cd", "bad-signature")).get(0);

        assertThat(line.get("timestamp").asText()).isEqualTo("2025-01-02T03:04:05.678Z");
        assertThat(line.get("level").asText()).isEqualTo("DEBUG");
        assertThat(line.get("logger").asText()).isEqualTo("org.tomprotocol.core.runtime.InboundPipeline");
        assertThat(line.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.get("message").asText()).isEqualTo("rejected a frame from ab12cd: bad-signature");
        assertThat(line.has("thrown")).isFalse();
    }

    @Test
    void aThrownExceptionIsAnObjectWithItsStackAndNewlinesNeverSplitALine() throws Exception {
        LogRecord failure = record(Level.SEVERE, "the node failed in agent:\nstopping \"now\"");
        failure.setThrown(new OutOfMemoryError("simulated"));

        List<JsonNode> lines = lines(failure, record(Level.WARNING, "second"));

        JsonNode first = lines.get(0);
        assertThat(first.get("level").asText()).isEqualTo("ERROR");
        assertThat(first.get("message").asText()).isEqualTo("the node failed in agent:\nstopping \"now\"");
        assertThat(first.at("/thrown/class").asText()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(first.at("/thrown/message").asText()).isEqualTo("simulated");
        assertThat(first.at("/thrown/stack").asText()).contains("JsonLogFormatterTest");
        assertThat(lines.get(1).get("level").asText()).isEqualTo("WARNING");
    }

    @Test
    void levelsAreNamedAsSystemLoggerNamesThem() {
        assertThat(JsonLogFormatter.level(Level.SEVERE)).isEqualTo("ERROR");
        assertThat(JsonLogFormatter.level(Level.WARNING)).isEqualTo("WARNING");
        assertThat(JsonLogFormatter.level(Level.INFO)).isEqualTo("INFO");
        assertThat(JsonLogFormatter.level(Level.FINE)).isEqualTo("DEBUG");
        assertThat(JsonLogFormatter.level(Level.FINEST)).isEqualTo("TRACE");
    }

    @Test
    void theLogFormatOptionPutsTheJsonFormatterOnTheConsoleHandlers() {
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));

        assertThat(commandLine.execute("--log-format", "json", "id", "--help")).isZero();

        assertThat(Logger.getLogger("").getHandlers()).isNotEmpty()
                .allSatisfy(handler -> assertThat(handler.getFormatter()).isInstanceOf(JsonLogFormatter.class));
    }

    @Test
    void anUnknownLogFormatIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("--log-format", "xml", "plugins")).isEqualTo(2);
        assertThat(err.toString()).contains("--log-format", "'xml' is not a log format: use text or json");
    }
}
