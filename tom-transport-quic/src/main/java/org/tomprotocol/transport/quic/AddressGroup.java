package org.tomprotocol.transport.quic;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The part of an IP address that one party controls: an IPv4 address, or an IPv6 /64 — a single host or home
 * network is usually given a whole /64, so counting IPv6 addresses one by one would count one attacker many
 * times. Per-address limits and the independence of address reports are judged on groups.
 *
 * @param bits the group's bits (an IPv4 address in the low 32 bits; the top 64 bits of an IPv6 address)
 * @param ipv6 whether it is an IPv6 /64
 */
record AddressGroup(long bits, boolean ipv6) {
    static AddressGroup of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return new AddressGroup(Integer.toUnsignedLong(readInt(bytes, 0)), false);
        }
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return new AddressGroup(Integer.toUnsignedLong(readInt(bytes, 12)), false);
        }
        return new AddressGroup(((long) readInt(bytes, 0) << 32) | Integer.toUnsignedLong(readInt(bytes, 4)), true);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }
}
