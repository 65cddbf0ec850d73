package org.tomprotocol.lab.sim;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs {@code tom sim …} in this process and keeps what it printed. */
final class SimConsole {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code tom sim ARGS}; returns its exit code. */
    int tom(String... args) {
        CommandLine commandLine = new CommandLine(new SimCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
