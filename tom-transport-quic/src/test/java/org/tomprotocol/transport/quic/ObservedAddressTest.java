package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Attack 6 of issue 12: any connected peer's report of how it sees this node was adopted and announced, so one
 * peer could replace all of a node's addresses. Reporters listen on distinct loopback addresses (127.0.0.2,
 * 127.0.0.3 …: Linux routes all of 127.0.0.0/8 to loopback), so the victim sees them at distinct addresses.
 */
class ObservedAddressTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void onePeersReportChangesNothingNorDoManyIdentitiesOnOneAddress() throws Exception {
        Node victim = nodes.start();
        InetSocketAddress claimed = address("203.0.113.9", 4444);

        report(nodes.startOn("127.0.0.3", Map.of()), victim, address("198.51.100.1", 7000));
        for (int sybil = 0; sybil < 10; sybil++) {
            report(nodes.startOn("127.0.0.2", Map.of()), victim, claimed);
        }

        assertThat(victim.transport().localAddresses()).containsExactly(victim.address());
        assertThat(victim.listener().addressChanges).isEmpty();
    }

    @Test
    void twoAgreeingReportersFromDistinctAddressesAreAdoptedAfterTheBoundAddress() throws Exception {
        Node victim = nodes.start();
        InetSocketAddress mapped = address("203.0.113.9", 4444);

        report(nodes.startOn("127.0.0.2", Map.of()), victim, mapped);
        report(nodes.startOn("127.0.0.3", Map.of()), victim, mapped);

        TestNodes.eventually(WAIT, "the address adopted",
                () -> victim.transport().localAddresses().contains(QuicAddresses.format(mapped)));
        assertThat(victim.transport().localAddresses()).containsExactly(victim.address(), QuicAddresses.format(mapped));
        assertThat(victim.listener().addressChanges).last()
                .isEqualTo(java.util.List.of(victim.address(), QuicAddresses.format(mapped)));
    }

    @Test
    void onlyAReportersLatestReportCounts() throws Exception {
        Node victim = nodes.start();
        InetSocketAddress first = address("203.0.113.9", 4444);
        InetSocketAddress second = address("203.0.113.9", 5555);
        Node changing = nodes.startOn("127.0.0.2", Map.of());

        report(changing, victim, first);
        report(changing, victim, second);
        report(nodes.startOn("127.0.0.3", Map.of()), victim, first);

        assertThat(victim.transport().localAddresses()).containsExactly(victim.address());
    }

    /** {@code reporter} connects to {@code victim} and tells it that it sees it at {@code observed}. */
    private static void report(Node reporter, Node victim, InetSocketAddress observed) throws Exception {
        if (!reporter.transport().isConnected(victim.id())) {
            TestNodes.introduce(reporter, victim);
            QuicSessionTest.await(reporter.transport().connect(victim.id()));
        }
        long before = victim.transport().addressReports();
        byte[] message = ControlMessage.observedAddress(observed).encode();
        byte[] header = RawStreams.header(FrameChannel.CONTROL, message.length);
        byte[] frame = java.util.Arrays.copyOf(header, header.length + message.length);
        System.arraycopy(message, 0, frame, header.length, message.length);
        RawStreams.of(reporter, victim.id()).send(frame);
        TestNodes.eventually(WAIT, "the report arrived", () -> victim.transport().addressReports() > before
                && victim.transport().reportedAddresses().contains(QuicAddresses.format(observed)));
    }

    private static InetSocketAddress address(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }
}
