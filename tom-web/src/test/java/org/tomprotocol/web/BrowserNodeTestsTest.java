package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser node's own tests ({@code node --test test/}): the wire vectors of both profiles (decoding,
 * re-encoding, strict signatures, sealing and opening) and hostile input, run as part of the Maven build.
 */
class BrowserNodeTestsTest {
    @BeforeAll
    static void nodeIsThere() throws Exception {
        NodeJs.requireRecentNode();
    }

    @Test
    void theBrowserNodePassesTheWireVectorsAndRefusesHostileInput() throws Exception {
        NodeJs.Run run = NodeJs.run(List.of("--test", "test/"), 300);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("# fail 0").containsPattern("# pass [1-9][0-9]");
    }
}
