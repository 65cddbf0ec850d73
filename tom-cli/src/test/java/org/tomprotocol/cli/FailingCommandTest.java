package org.tomprotocol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailingCommandTest {
    @Command(name = "fail")
    static final class Fail implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("the data directory is not writable");
        }
    }

    @Command(name = "bad-identity")
    static final class BadIdentity implements Runnable {
        @Override
        public void run() {
            throw new org.tomprotocol.api.IdentityException("identity file /x/node.seed is readable by other users: run chmod 600 /x/node.seed");
        }
    }

    @Test
    void aToMExceptionIsReportedAsOneLineWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine().addSubcommand(new BadIdentity());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("bad-identity")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("tom: identity file /x/node.seed is readable by other users: run chmod 600 /x/node.seed"
                + System.lineSeparator());
    }

    @Test
    void aCommandThatThrowsExitsWithOneAndSaysWhy() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine().addSubcommand(new Fail());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("fail")).isEqualTo(1);
        assertThat(err.toString()).contains("the data directory is not writable");
    }
}
