package org.tomprotocol.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.function.ThrowingConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Wycheproof JSON file from the test resources ({@code wycheproof/}, vendored with their licence), turned
 * into one dynamic test per vector plus a summary test that checks every vector of the file ran and passed.
 */
final class WycheproofFile {
    private static final System.Logger LOG = System.getLogger(WycheproofFile.class.getName());
    private static final HexFormat HEX = HexFormat.of();

    /** One test case with the group it belongs to. */
    record Vector(JsonNode group, JsonNode test) {
        int tcId() {
            return test.get("tcId").asInt();
        }

        /** "valid", "invalid" or "acceptable". */
        String result() {
            return test.get("result").asText();
        }

        boolean hasFlag(String flag) {
            for (JsonNode f : test.get("flags")) {
                if (f.asText().equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        byte[] hex(String field) {
            return HEX.parseHex(test.get(field).asText());
        }

        String describe() {
            List<String> flags = new ArrayList<>();
            test.get("flags").forEach(f -> flags.add(f.asText()));
            String comment = test.get("comment").asText();
            return "tcId " + tcId() + " " + flags + (comment.isEmpty() ? "" : " " + comment) + " -> " + result();
        }
    }

    private final String name;
    private final JsonNode root;

    private WycheproofFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static WycheproofFile load(String name) throws IOException {
        try (InputStream in = WycheproofFile.class.getResourceAsStream("/wycheproof/" + name)) {
            if (in == null) {
                throw new IOException("no Wycheproof file " + name + " among the test resources");
            }
            return new WycheproofFile(name, new ObjectMapper().readTree(in));
        }
    }

    List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                vectors.add(new Vector(group, test));
            }
        }
        return vectors;
    }

    /**
     * One dynamic test per vector running {@code check}, then "summary" which asserts that the file's declared
     * number of tests all ran and passed, logs it and publishes it as a report entry.
     */
    Stream<DynamicNode> dynamicTests(TestReporter reporter, ThrowingConsumer<Vector> check) {
        List<Vector> vectors = vectors();
        int declared = root.get("numberOfTests").asInt();
        AtomicInteger passed = new AtomicInteger();
        Stream<DynamicNode> perVector = vectors.stream().map(v -> DynamicTest.dynamicTest(v.describe(), () -> {
            check.accept(v);
            passed.incrementAndGet();
        }));
        DynamicTest summary = DynamicTest.dynamicTest("summary: " + name + " " + vectors.size() + " vectors", () -> {
            String line = String.format(Locale.ROOT, "%s: %d vectors, %d passed", name, vectors.size(), passed.get());
            LOG.log(System.Logger.Level.INFO, line);
            reporter.publishEntry(name, line);
            System.out.println(line); // lands in the surefire report of the test class
            assertThat(vectors).as("vectors in %s", name).hasSize(declared);
            assertThat(passed.get()).as(line).isEqualTo(declared);
        });
        return Stream.concat(perVector, Stream.of(summary));
    }
}
