package org.tomprotocol.cli.metrics;

import picocli.CommandLine;

/**
 * Where {@code tom node --metrics} serves {@code /metrics}: a host (name, IPv4, or IPv6 in brackets) and a
 * port, 0 for any free one.
 *
 * @param host the interface to listen on
 * @param port the TCP port, 0 to 65535
 */
public record MetricsAddress(String host, int port) {
    /** Parses {@code HOST:PORT}; what is wrong is said in the exception's message. */
    public static MetricsAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + value + "' is not HOST:PORT, e.g. 127.0.0.1:9400");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + value + "': put an IPv6 host in brackets, e.g. [::1]:9400");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "': the port must be a number from 0 to 65535");
        }
        if (host.isBlank() || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'" + value + "': give a host and a port from 0 to 65535 "
                    + "(0 picks a free one)");
        }
        return new MetricsAddress(host, port);
    }

    /** Lets picocli turn a bad value into a usage error that names the option. */
    public static final class Converter implements CommandLine.ITypeConverter<MetricsAddress> {
        @Override
        public MetricsAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
