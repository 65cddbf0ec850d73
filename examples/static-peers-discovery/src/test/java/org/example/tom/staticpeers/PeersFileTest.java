package org.example.tom.staticpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.example.tom.staticpeers.RecordingContext.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/** The peers file as an operator writes it, and every mistake refused with the file, the line and the fix. */
class PeersFileTest {
    private static final NodeId SELF = node(1);
    private static final String A = node(0xa).toHex();
    private static final String B = node(0xb).toHex();

    @TempDir
    Path directory;

    @Test
    void aFileListsOnePeerPerLineWithCommentsAndBlankLinesIgnored() {
        String text = "# the lab\n\n" + A + "@192.0.2.10:7400\n   " + B + "@quic:[2001:db8::b]:7401   # bob\n";

        assertThat(PeersFile.parse(text, "peers.txt", SELF)).containsExactly(
                PeerAddress.of(node(0xa), TransportAddress.parse("192.0.2.10:7400")),
                PeerAddress.of(node(0xb), new TransportAddress("quic", "[2001:db8::b]:7401")));
    }

    @Test
    void aPeerOnSeveralLinesIsReachableAtEachAddress() {
        String text = A + "@192.0.2.10:7400\n" + A + "@198.51.100.10:7400\n" + A + "@192.0.2.10:7400\n";

        assertThat(PeersFile.parse(text, "peers.txt", SELF)).containsExactly(new PeerAddress(node(0xa), List.of(
                TransportAddress.parse("192.0.2.10:7400"), TransportAddress.parse("198.51.100.10:7400"))));
    }

    @Test
    void theLineNamingThisNodeIsSkippedSoOneFileServesTheWholeGroup() {
        String text = SELF.toHex() + "@192.0.2.1:7400\n" + A + "@192.0.2.10:7400\n";

        assertThat(PeersFile.parse(text, "peers.txt", SELF)).extracting(PeerAddress::id).containsExactly(node(0xa));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no node id        | 192.0.2.10:7400                 | must be NODEID@HOST:PORT",
        "a short node id   | abc@192.0.2.10:7400             | node id 'abc' has 3 characters",
        "no port           | %s@192.0.2.10                   | address '192.0.2.10' has no port",
        "a port too large  | %s@192.0.2.10:70000             | has port '70000': a port is 1 to 65535",
        "two peers on one line | %s@192.0.2.10:7400 %s@192.0.2.11:7400 | holds a space",
    })
    void aMalformedLineIsRefusedNamingTheKeyTheFileTheLineAndTheFix(String what, String line, String problem) {
        String text = "# the lab\n" + A + "@192.0.2.9:7400\n" + line.replace("%s", B) + "\n";

        assertThatThrownBy(() -> PeersFile.parse(text, "/etc/tom/peers.txt", SELF))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("option static.peers-file: /etc/tom/peers.txt line 3: ")
                .hasMessageContaining(problem)
                .hasMessageContaining("NODEID@HOST:PORT");
    }

    @Test
    void aMissingFileIsRefusedNamingTheKeyThePathAndWhatToDo() {
        Path missing = directory.resolve("peers.txt");

        assertThatThrownBy(() -> PeersFile.read(missing, SELF)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option static.peers-file: there is no file " + missing
                        + "; create it with one NODEID@HOST:PORT per line, or remove the option");
    }

    @Test
    void aFileThatIsNotTextIsRefused() throws IOException {
        Path binary = Files.write(directory.resolve("peers.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThatThrownBy(() -> PeersFile.read(binary, SELF)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option static.peers-file: " + binary + " is not UTF-8 text: write one "
                        + "NODEID@HOST:PORT per line");
    }

    @Test
    void aFileFarLargerThanAnyPeersFileIsRefusedUnread() throws IOException {
        Path huge = Files.write(directory.resolve("peers.txt"), new byte[(int) PeersFile.MAX_BYTES + 1]);

        assertThatThrownBy(() -> PeersFile.read(huge, SELF)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(huge.toString()).hasMessageContaining("is it the right file?");
    }

    @Test
    void aFileIsReadFromDisk() throws IOException {
        Path file = Files.writeString(directory.resolve("peers.txt"), A + "@192.0.2.10:7400\r\n");

        assertThat(PeersFile.read(file, SELF)).extracting(PeerAddress::id).containsExactly(node(0xa));
    }
}
