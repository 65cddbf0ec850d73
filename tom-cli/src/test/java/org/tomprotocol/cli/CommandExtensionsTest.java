package org.tomprotocol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.cli.plugins.TestPluginJar;
import org.tomprotocol.cli.extension.CommandExtension;

import picocli.CommandLine;

/**
 * The image's {@code lab/} directory extends {@code tom} with commands (the lab's {@code tom sim} and
 * {@code tom bench}), loaded from jars like plugins; without it, {@code tom} says where they would come from.
 */
class CommandExtensionsTest {
    private static final String EXTENSION = """
            package labtest;

            import java.util.List;
            import java.util.concurrent.Callable;
            import picocli.CommandLine.Command;
            import picocli.CommandLine.Model.CommandSpec;
            import picocli.CommandLine.Spec;

            public final class Extension implements org.tomprotocol.cli.extension.CommandExtension {
                public List<Object> commands() {
                    return List.of(new Greet());
                }

                @Command(name = "%s", description = "Greets from the lab.")
                public static final class Greet implements Callable<Integer> {
                    @Spec
                    CommandSpec spec;

                    public Integer call() {
                        spec.commandLine().getOut().println("hello from the lab");
                        return 0;
                    }
                }
            }
            """;

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;

    @BeforeEach
    void pointTomAtATemporaryImage() {
        previousHome = System.getProperty("tom.home");
        System.setProperty("tom.home", home.toString());
    }

    @AfterEach
    void restoreTheImage() {
        if (previousHome == null) {
            System.clearProperty("tom.home");
        } else {
            System.setProperty("tom.home", previousHome);
        }
    }

    private int tom(String... args) {
        CommandLine commandLine = TomCli.commandLine(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void labJarNamingItsCommand(String name) throws Exception {
        TestPluginJar.build(home.resolve("work"), home.resolve("lab"), "lab-test.jar", "labtest.Extension",
                EXTENSION.formatted(name), CommandExtension.class);
    }

    @Test
    void aJarInTheLabDirectoryAddsItsCommandsToTom() throws Exception {
        labJarNamingItsCommand("greet");

        assertThat(tom("--help")).isZero();
        assertThat(out.toString()).contains("greet", "Greets from the lab.").doesNotContain("lacks");
        assertThat(tom("greet")).isZero();
        assertThat(out.toString()).contains("hello from the lab");
    }

    @Test
    void anExtensionCannotReplaceABuiltInCommand() throws Exception {
        labJarNamingItsCommand("demo");

        StringWriter warnings = new StringWriter();
        CommandLine commandLine = TomCli.commandLine(new PrintWriter(warnings, true));

        assertThat(commandLine.getSubcommands().get("demo").getCommand().getClass().getName())
                .isEqualTo("org.tomprotocol.cli.demo.DemoCommand");
        assertThat(warnings.toString()).contains("skipping the extension command demo", "labtest.Extension");
    }

    @Test
    void withoutTheLabDirectoryHelpSaysWhereSimAndBenchComeFrom() throws Exception {
        Files.createDirectories(home.resolve("lab"));

        assertThat(tom("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("(tom sim, tom bench) come with the image's lab/ directory, which this installation lacks");
        assertThat(tom("sim")).isEqualTo(2);
    }

    @Test
    void aJarInTheLabThatIsNotAnExtensionLeavesTomWorking() throws Exception {
        Files.createDirectories(home.resolve("lab"));
        Files.writeString(home.resolve("lab").resolve("broken.jar"), "not a jar");

        assertThat(tom("--help")).isZero();
        assertThat(out.toString()).contains("demo", "plugins");
    }
}
