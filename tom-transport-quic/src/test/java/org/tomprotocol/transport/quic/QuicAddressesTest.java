package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.TransportAddress;

class QuicAddressesTest {
    @Test
    void parsesIpLiteralsWithoutDns() throws Exception {
        assertThat(QuicAddresses.parse(TransportAddress.parse("quic:203.0.113.5:7400")))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("203.0.113.5"), 7400));
        InetSocketAddress v6 = QuicAddresses.parse(TransportAddress.parse("quic:[::1]:7400"));
        assertThat(v6.isUnresolved()).isFalse();
        assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
        assertThat(v6.getPort()).isEqualTo(7400);
    }

    @Test
    void keepsHostNamesUnresolved() {
        InetSocketAddress named = QuicAddresses.parse(new TransportAddress("quic", "relay.example.org:443"));
        assertThat(named.isUnresolved()).isTrue();
        assertThat(named.getHostString()).isEqualTo("relay.example.org");
    }

    @Test
    void refusesMalformedAddressesNamingTheProblem() {
        assertThatThrownBy(() -> QuicAddresses.parse(new TransportAddress("quic", "127.0.0.1")))
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> QuicAddresses.parse(new TransportAddress("quic", "127.0.0.1:99999")))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> QuicAddresses.parse(new TransportAddress("quic", "[::1]7400")))
                .hasMessageContaining("[ipv6]:port");
        assertThatThrownBy(() -> QuicAddresses.parse(new TransportAddress("mem", "alice")))
                .hasMessageContaining("not a quic: address");
    }

    @Test
    void formatsIpv6InBrackets() throws Exception {
        assertThat(QuicAddresses.format(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 7400)))
                .isEqualTo(new TransportAddress("quic", "[2001:db8::1]:7400"));
        assertThat(QuicAddresses.format(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 1)))
                .isEqualTo(new TransportAddress("quic", "10.0.0.1:1"));
    }

    @Test
    void aWildcardBindIsReportedAsInterfaceAddressesLoopbackLast() throws Exception {
        List<InetSocketAddress> reachable = QuicAddresses.reachableAddresses(
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 7400));
        assertThat(reachable).isNotEmpty().allSatisfy(address -> {
            assertThat(address.getPort()).isEqualTo(7400);
            assertThat(address.getAddress().isAnyLocalAddress()).isFalse();
        });
        assertThat(reachable).contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 7400));
        assertThat(reachable.get(reachable.size() - 1).getAddress().isLoopbackAddress()).isTrue();

        InetSocketAddress specific = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 7400);
        assertThat(QuicAddresses.reachableAddresses(specific)).containsExactly(specific);
    }

    @Test
    void adoptedAddressesFollowTheBoundOnesWithoutDuplicates() throws Exception {
        LocalAddressBook book = new LocalAddressBook();
        InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName("192.168.1.2"), 7400);
        book.bound(List.of(bound));
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 41000);

        assertThat(book.adopt(List.of(bound))).isFalse();
        assertThat(book.adopt(List.of(mapped, bound))).isTrue();
        assertThat(book.adopt(List.of(mapped, bound))).isFalse();

        assertThat(book.snapshot()).containsExactly(QuicAddresses.format(bound), QuicAddresses.format(mapped));
        assertThat(book.observed()).containsExactly(QuicAddresses.format(mapped));
    }
}
