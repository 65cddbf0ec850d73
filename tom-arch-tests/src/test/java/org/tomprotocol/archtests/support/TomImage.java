package org.tomprotocol.archtests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The built image's {@code bin/tom}, for tests that run real node processes. */
public final class TomImage {
    /** The repository root. */
    public static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    /** The launcher of the image. */
    public static final Path TOM = ROOT.resolve("tom-distribution/target/image/bin/tom");

    private TomImage() {
    }

    /** Skips the calling test unless the image is built. */
    public static void assumeBuilt() {
        assumeTrue(Files.isExecutable(TOM), "the image is not built; run ./mvnw -B verify from the root");
    }

    /** The command line {@code bin/tom arguments…}. */
    public static List<String> tom(String... arguments) {
        List<String> command = new ArrayList<>(List.of(TOM.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** {@code NODEID@127.0.0.1:PORT} of a node, from its {@code started} event: what {@code --bootstrap} takes. */
    public static String loopbackBootstrap(JsonNode started) {
        for (JsonNode address : started.get("addresses")) {
            String text = address.asText();
            if (text.contains("127.0.0.1")) {
                return started.get("node_id").asText() + "@" + text.substring(text.indexOf("127.0.0.1"));
            }
        }
        throw new AssertionError("the node listens on no loopback address: " + started);
    }
}
