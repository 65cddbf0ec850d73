package org.tomprotocol.cli.extension;

import java.util.List;

import org.tomprotocol.api.Api;

/**
 * Adds subcommands to {@code tom}. The command line finds extensions with {@link java.util.ServiceLoader}: on its
 * own module path (or class path), and in the jars of the image's {@code lab/} directory, which holds the
 * simulators and benchmarks ({@code tom sim}, {@code tom bench}) so that the runtime modules of the image never
 * contain the test kit: deleting {@code lab/} removes those commands and nothing else.
 *
 * <p>An extension's commands are picocli commands (classes annotated with {@code @Command}); its module opens
 * their packages to {@code info.picocli}. A command whose name is already taken is reported and skipped.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface CommandExtension {
    /** New instances of the extension's top-level commands, in the order {@code tom --help} lists them. */
    List<Object> commands();
}
