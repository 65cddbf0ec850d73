package org.tomprotocol.cli;

import java.io.PrintWriter;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TomException;
import org.tomprotocol.cli.chat.ChatCommand;
import org.tomprotocol.cli.demo.DemoCommand;
import org.tomprotocol.cli.id.IdCommand;
import org.tomprotocol.cli.logging.LogFormat;
import org.tomprotocol.cli.metrics.MetricsAddress;
import org.tomprotocol.cli.node.NodeCommand;
import org.tomprotocol.cli.node.SendCommand;
import org.tomprotocol.cli.plugins.PluginsCommand;
import org.tomprotocol.cli.stress.StressCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tom} command. Each subcommand is its own class in its own package, registered in
 * {@link #SUBCOMMANDS}, then those of the {@link org.tomprotocol.cli.extension.CommandExtension}s found (the
 * lab's {@code tom sim} and {@code tom bench}); picocli supplies {@code --help}, {@code --version}, usage errors (exit code 2) and
 * turns an exception escaping a subcommand into exit code 1.
 */
@Command(name = "tom",
        mixinStandardHelpOptions = true,
        versionProvider = TomVersion.class,
        description = "ToM, The Open Messaging: a peer-to-peer messaging transport where every device is "
                + "both client and relay.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n")
public final class TomCli implements Runnable {
    /** Every subcommand, in the order {@code tom --help} lists them. Add new commands here. */
    static final Class<?>[] SUBCOMMANDS = {DemoCommand.class, PluginsCommand.class, IdCommand.class, NodeCommand.class,
        SendCommand.class, ChatCommand.class, StressCommand.class};

    @Spec
    private CommandSpec spec;

    /** {@code --plugins DIR}, accepted before or after the command name. */
    @picocli.CommandLine.Option(names = "--plugins", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Also load plugin jars from this directory (repeatable); the image's plugins/ "
                    + "directory is always searched.")
    void pluginDirectory(java.util.List<java.nio.file.Path> directories) {
        directories.forEach(org.tomprotocol.cli.plugins.PluginContext::addDirectory);
    }

    /** {@code --log-format}, accepted before or after the command name. */
    @picocli.CommandLine.Option(names = "--log-format", paramLabel = "text|json",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "How log records reach stderr: text (default) or json, one JSON object per line "
                    + "(timestamp, level, logger, thread, message, thrown). Also TOM_LOG_FORMAT=json.")
    void logFormat(LogFormat format) {
        format.apply();
    }

    /** Runs {@code tom} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        try {
            configureLogging(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("tom: " + e.getMessage());
            System.exit(2);
        }
        System.exit(commandLineFor(args, new PrintWriter(System.err, true)).execute(args));
    }

    /**
     * The command line for {@code args}: when they name a built-in command, that command alone — its options, help
     * and errors are the same, but the other commands' models and the lab's module layer are not built, a tenth of a
     * second or more of every start ({@code tom node} included: docs/benchmarks.md, issue 15); otherwise (no command,
     * {@code --help}, a lab command, an unknown one) every command, as {@link #commandLine(PrintWriter)}.
     */
    static CommandLine commandLineFor(String[] args, PrintWriter warnings) {
        Class<?> named = builtInCommandNamed(args);
        if (named == null) {
            return commandLine(warnings);
        }
        CommandLine commandLine = new CommandLine(new TomCli());
        commandLine.addSubcommand(named);
        return configured(commandLine);
    }

    /** The built-in command {@code args} name, past the options given before it, or {@code null}. */
    static Class<?> builtInCommandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--plugins") || arg.equals("--log-format")) {
                i++;
            } else if (!arg.startsWith("-")) {
                for (Class<?> subcommand : SUBCOMMANDS) {
                    if (subcommand.getAnnotation(Command.class).name().equals(arg)) {
                        return subcommand;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Library modules log through System.Logger (java.util.logging here). A command line shows warnings and
     * errors only, unless {@code TOM_LOG_LEVEL} (e.g. {@code INFO}, {@code FINE}) asks for more, as readable
     * lines unless {@code TOM_LOG_FORMAT=json} asks for JSON lines.
     *
     * @throws IllegalArgumentException if {@code TOM_LOG_FORMAT} is neither text nor json
     */
    static void configureLogging(java.util.Map<String, String> environment) {
        String wanted = environment.getOrDefault("TOM_LOG_LEVEL", "WARNING");
        java.util.logging.Level level;
        try {
            level = java.util.logging.Level.parse(wanted.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = java.util.logging.Level.WARNING;
        }
        LogFormat format;
        try {
            format = LogFormat.parse(environment.getOrDefault("TOM_LOG_FORMAT", "text"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TOM_LOG_FORMAT=" + e.getMessage());
        }
        format.apply(level);
    }

    /** The configured command line, for {@link #main} and for tests that capture its output. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.err, true));
    }

    /** The configured command line; a command extension that cannot be loaded is reported on {@code warnings}. */
    public static CommandLine commandLine(PrintWriter warnings) {
        CommandLine commandLine = new CommandLine(new TomCli());
        for (Class<?> subcommand : SUBCOMMANDS) {
            commandLine.addSubcommand(subcommand);
        }
        List<Object> extensions = CommandExtensions.commands(CommandExtensions.labDirectories(), warnings);
        if (extensions.isEmpty()) {
            commandLine.getCommandSpec().usageMessage().footer("%nThe simulators and benchmarks (tom sim, tom bench) "
                    + "come with the image's lab/ directory, which this installation lacks.");
        }
        for (Object extension : extensions) {
            CommandLine command = new CommandLine(extension);
            if (commandLine.getSubcommands().containsKey(command.getCommandName())) {
                warnings.println("tom: skipping the extension command " + command.getCommandName()
                        + " of " + extension.getClass().getName() + ": tom already has a command of that name");
                continue;
            }
            commandLine.addSubcommand(command);
        }
        warnings.flush();
        return configured(commandLine);
    }

    private static CommandLine configured(CommandLine commandLine) {
        // a malformed node id on the command line is a usage error naming the option, like any other bad value
        commandLine.registerConverter(NodeId.class, NodeId::parse);
        commandLine.registerConverter(MetricsAddress.class, new MetricsAddress.Converter());
        commandLine.registerConverter(LogFormat.class, new LogFormat.Converter());
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof TomException) {
                // a ToM exception says what went wrong and what to change: no stack trace for the user
                failed.getErr().println("tom: " + exception.getMessage());
                failed.getErr().flush();
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    /** {@code tom} alone is a usage error: it lists the commands and exits with code 2. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
    }
}
