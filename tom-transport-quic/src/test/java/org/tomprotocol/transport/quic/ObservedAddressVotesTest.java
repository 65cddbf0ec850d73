package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;

/** The adoption rule of observed addresses, with time passed in. */
class ObservedAddressVotesTest {
    private static final long TTL_MILLIS = 60_000;
    private final ObservedAddressVotes votes = new ObservedAddressVotes(4, TTL_MILLIS);
    private final InetSocketAddress mapped = address("203.0.113.9", 4444);

    @Test
    void aReportExpiresOnlyAfterItsReporterLeftAndTheTimeToLivePassed() {
        NodeId alice = id();
        NodeId bob = id();
        votes.report(alice, address("198.51.100.1", 1), mapped, 0);
        assertThat(votes.report(bob, address("198.51.100.2", 1), mapped, 0)).isTrue();

        assertThat(votes.expire(hours(5))).as("both still connected").isFalse();
        votes.reporterLeft(bob, hours(5));
        assertThat(votes.expire(hours(5) + millis(TTL_MILLIS - 1))).isFalse();
        assertThat(votes.adopted()).containsExactly(mapped);

        assertThat(votes.expire(hours(5) + millis(TTL_MILLIS))).isTrue();
        assertThat(votes.adopted()).isEmpty();
    }

    @Test
    void ipv6ReportersInOneSlash64CountAsOneOrigin() {
        votes.report(id(), address("2001:db8:1:2::1", 1), mapped, 0);
        votes.report(id(), address("2001:db8:1:2::99", 1), mapped, 0);
        assertThat(votes.adopted()).isEmpty();

        votes.report(id(), address("2001:db8:1:3::1", 1), mapped, 0);
        assertThat(votes.adopted()).containsExactly(mapped);
    }

    @Test
    void reportersAreBoundedAndThoseThatLeftMakeRoomFirst() {
        NodeId gone = id();
        votes.report(gone, address("198.51.100.1", 1), mapped, 0);
        votes.reporterLeft(gone, 0);
        for (int i = 2; i <= 5; i++) {
            votes.report(id(), address("198.51.100." + i, 1), address("192.0.2.1", i), 0);
        }
        assertThat(votes.reporters()).isEqualTo(4);
        assertThat(votes.adopted()).isEmpty(); // the report that left is gone: mapped has no support left
    }

    @Test
    void aBoundAddressIsNeverDisplacedByAdoptedOnes() throws Exception {
        LocalAddressBook book = new LocalAddressBook();
        InetSocketAddress bound = address("192.168.1.2", 7400);
        book.bound(List.of(bound));
        List<InetSocketAddress> many = new java.util.ArrayList<>();
        for (int port = 1; port <= ObservedAddressVotes.MAX_ADOPTED; port++) {
            many.add(address("203.0.113.9", port));
        }

        book.adopt(many);

        assertThat(book.snapshot()).hasSize(1 + ObservedAddressVotes.MAX_ADOPTED)
                .first().isEqualTo(QuicAddresses.format(bound));
    }

    private static NodeId id() {
        return JdkTestCrypto.newIdentity().id();
    }

    private static long hours(long hours) {
        return TimeUnit.HOURS.toNanos(hours);
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
