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

    @Test
    void aCommandThatThrowsExitsWithOneAndSaysWhy() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine().addSubcommand(new Fail());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("fail")).isEqualTo(1);
        assertThat(err.toString()).contains("the data directory is not writable");
    }
}
