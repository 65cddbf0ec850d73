package org.tomprotocol.cli.logging;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import picocli.CommandLine;

/**
 * How the libraries' {@code System.Logger} output (java.util.logging in the CLI) reaches stderr: readable
 * lines, or one JSON object per line ({@link JsonLogFormatter}) for a log collector. Chosen with
 * {@code tom --log-format json} or {@code TOM_LOG_FORMAT=json}; the level with {@code TOM_LOG_LEVEL}.
 */
public enum LogFormat {
    TEXT, JSON;

    /** Sets the root logger's level and this format on its console handlers. */
    public void apply(Level level) {
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        Handler[] handlers = root.getHandlers();
        if (handlers.length == 0) {
            root.addHandler(new ConsoleHandler());
            handlers = root.getHandlers();
        }
        for (Handler handler : handlers) {
            handler.setLevel(level);
            handler.setFormatter(this == JSON ? new JsonLogFormatter() : new SimpleFormatter());
        }
    }

    /** Makes this the format of the root logger's handlers, keeping the level set before. */
    public void apply() {
        apply(Logger.getLogger("").getLevel() == null ? Level.INFO : Logger.getLogger("").getLevel());
    }

    /** {@code text} or {@code json}, any case. */
    public static LogFormat parse(String value) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a log format: use text or json");
    }

    /** Lets picocli turn a bad value into a usage error that names the option. */
    public static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
