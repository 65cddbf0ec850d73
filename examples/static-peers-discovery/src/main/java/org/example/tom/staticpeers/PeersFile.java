package org.example.tom.staticpeers;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * The peers file: one {@code NODEID@ADDRESS} per line, e.g. {@code 3b6a…e1@192.0.2.7:7400} or
 * {@code 3b6a…e1@quic:[2001:db8::7]:7400}; blank lines and everything after {@code #} are ignored; a node listed on
 * several lines is reachable at each address. The same file can serve every node of a group: each skips its own
 * line. Every mistake is refused with the file, the line number and what to write instead.
 */
final class PeersFile {
    /** A peers file is a short list written by hand; anything much larger is not one. */
    static final long MAX_BYTES = 1 << 20;
    private static final String FORMAT = "NODEID@HOST:PORT";
    private static final String EXAMPLE = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29@192.0.2.7:7400";

    private PeersFile() {
    }

    /**
     * Reads the peers listed in {@code file}, leaving out {@code self}.
     *
     * @throws ConfigurationException naming the file and, for a bad line, its number and the fix
     */
    static List<PeerAddress> read(Path file, NodeId self) {
        Path shown = file.toAbsolutePath().normalize();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigurationException("option " + StaticPeersSettings.PEERS_FILE + ": " + shown + " has "
                        + size + " bytes, more than a peers file of " + MAX_BYTES + " bytes: is it the right file?");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("option " + StaticPeersSettings.PEERS_FILE + ": there is no file "
                    + shown + "; create it with one NODEID@HOST:PORT per line, or remove the option", e);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("option " + StaticPeersSettings.PEERS_FILE + ": " + shown
                    + " is not UTF-8 text: write one NODEID@HOST:PORT per line", e);
        } catch (IOException e) {
            throw new ConfigurationException("option " + StaticPeersSettings.PEERS_FILE + ": cannot read " + shown
                    + ": " + e.getMessage(), e);
        }
        return parse(text, shown.toString(), self);
    }

    /**
     * Parses the text of a peers file.
     *
     * @param source what to call the file in messages
     * @throws ConfigurationException naming {@code source}, the line and the fix for the first bad line
     */
    static List<PeerAddress> parse(String text, String source, NodeId self) {
        Map<NodeId, List<TransportAddress>> peers = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = withoutComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            PeerAddress peer;
            try {
                peer = parseLine(line);
            } catch (IllegalArgumentException e) {
                String fix = e.getMessage().contains(FORMAT) ? "" : "; write " + FORMAT + ", e.g. " + EXAMPLE;
                throw new ConfigurationException("option " + StaticPeersSettings.PEERS_FILE + ": " + source
                        + " line " + (i + 1) + ": " + e.getMessage() + fix + " (# starts a comment)", e);
            }
            if (!peer.id().equals(self)) {
                peers.computeIfAbsent(peer.id(), id -> new ArrayList<>()).addAll(peer.addresses());
            }
        }
        List<PeerAddress> result = new ArrayList<>();
        peers.forEach((id, addresses) -> result.add(new PeerAddress(id, addresses.stream().distinct().toList())));
        return List.copyOf(result);
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static PeerAddress parseLine(String line) {
        if (line.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + line + "' holds a space: one peer per line, nothing after it");
        }
        PeerAddress peer = PeerAddress.parse(line);
        TransportAddress address = peer.addresses().getFirst();
        if (address.scheme().equals(TransportAddress.DEFAULT_SCHEME)) {
            String problem = portProblem(address.address());
            if (problem != null) {
                throw new IllegalArgumentException("address '" + address.address() + "' " + problem);
            }
        }
        return peer;
    }

    /** What is wrong with the port a QUIC address ends in ({@code :PORT}, 1 to 65535), or {@code null}. */
    private static String portProblem(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1 || hostAndPort.endsWith("]")) {
            return "has no port";
        }
        String port = hostAndPort.substring(colon + 1);
        boolean valid = port.length() <= 5 && port.chars().allMatch(Character::isDigit)
                && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65_535;
        return valid ? null : "has port '" + port + "': a port is 1 to 65535";
    }
}
