package org.tomprotocol.cli.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON object per log record, on one line: {@code timestamp} (ISO-8601, UTC), {@code level} (the
 * {@link System.Logger.Level} name: ERROR, WARNING, INFO, DEBUG, TRACE), {@code logger}, {@code thread},
 * {@code message} (parameters filled in) and, when an exception was logged, {@code thrown} with its
 * {@code class}, {@code message} and {@code stack}. Newlines inside values are escaped by JSON, so a line is
 * always a whole record. It formats what the libraries log, which never includes keys or payloads.
 */
public final class JsonLogFormatter extends Formatter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", record.getInstant().toString());
        line.put("level", level(record.getLevel()));
        line.put("logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        line.put("thread", thread(record));
        line.put("message", formatMessage(record));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("class", thrown.getClass().getName());
            error.put("message", thrown.getMessage());
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            error.put("stack", stack.toString());
            line.put("thrown", error);
        }
        try {
            return MAPPER.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"a log record could not be written as JSON\"}"
                    + System.lineSeparator();
        }
    }

    /** JUL's levels under the names System.Logger uses, which is what the libraries log with. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    /** Handlers format on the logging thread, so its name is known when the record is its own. */
    private static String thread(LogRecord record) {
        Thread current = Thread.currentThread();
        return current.threadId() == record.getLongThreadID() ? current.getName()
                : "thread-" + record.getLongThreadID();
    }
}
