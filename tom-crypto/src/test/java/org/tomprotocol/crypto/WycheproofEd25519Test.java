package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.tomprotocol.api.NodeId;

/**
 * Every vector of Wycheproof's ed25519_test.json through {@link TomV1Suite#verify}: "valid" must verify,
 * "invalid" must not. The file has no "acceptable" vectors; should a future version add some, the test fails
 * on them so that someone decides (against ed25519-dalek's verify_strict) what tom-v1 must do.
 */
class WycheproofEd25519Test {
    private final TomV1Suite suite = new TomV1Suite();

    @TestFactory
    Stream<DynamicNode> everyVector(TestReporter reporter) throws IOException {
        return WycheproofFile.load("ed25519_test.json").dynamicTests(reporter, v -> {
            assertThat(v.result()).as("result kind").isIn("valid", "invalid");
            NodeId signer = NodeId.of(HexFormat.of().parseHex(v.group().get("publicKey").get("pk").asText()));
            boolean verified = suite.verify(signer, v.hex("msg"), v.hex("sig"));
            assertThat(verified).as(v.describe()).isEqualTo(v.result().equals("valid"));
        });
    }
}
