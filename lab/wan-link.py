#!/usr/bin/env python3
"""A lossy, slow "internet" link for the NAT lab, in user space.

The lab's kernel has no netem (no sch_netem), so this bridges two interfaces at layer 2 with AF_PACKET sockets
and adds, in each direction, a fixed one-way delay and random loss to IPv4 packets (ARP passes at once, so the
link comes up as a real one would). Run it inside a namespace that holds both interfaces, with no addresses on
them: the namespace is the cable.

UDP checksums are recomputed on the way through: a veth hands over packets whose checksum the kernel has not
filled in yet (checksum offload), and re-sent as they are the receiver would drop them.

    wan-link.py --a IFACE --b IFACE [--delay-ms 20] [--loss-pct 0] [--loss-on-signal] [--seed N]

With --loss-on-signal the loss starts only when the process receives SIGUSR1 (the lab lets its nodes join
first).
"""
import argparse
import heapq
import random
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
PACKET_OUTGOING = 4
ETH_HEADER = 14
UDP = 17


def open_interface(name):
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
    sock.bind((name, 0))
    sock.setblocking(False)
    return sock


def ones_complement_sum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def fix_udp_checksum(frame):
    """The frame with its IPv4 UDP checksum computed, or unchanged if it is something else."""
    if len(frame) < ETH_HEADER + 20 or struct.unpack_from("!H", frame, 12)[0] != ETH_P_IP:
        return frame
    ihl = (frame[ETH_HEADER] & 0x0F) * 4
    if frame[ETH_HEADER + 9] != UDP or struct.unpack_from("!H", frame, ETH_HEADER + 6)[0] & 0x1FFF:
        return frame  # not UDP, or a fragment (whose checksum cannot be checked piecewise)
    total_length = struct.unpack_from("!H", frame, ETH_HEADER + 2)[0]
    udp_start = ETH_HEADER + ihl
    udp_end = ETH_HEADER + total_length
    if udp_end > len(frame) or udp_end - udp_start < 8:
        return frame
    packet = bytearray(frame)
    packet[udp_start + 6:udp_start + 8] = b"\0\0"
    source_and_destination = bytes(packet[ETH_HEADER + 12:ETH_HEADER + 20])
    pseudo_header = source_and_destination + struct.pack("!BBH", 0, UDP, udp_end - udp_start)
    checksum = 0xFFFF - ones_complement_sum(pseudo_header + bytes(packet[udp_start:udp_end]))
    struct.pack_into("!H", packet, udp_start + 6, checksum or 0xFFFF)
    return bytes(packet)


def is_ipv4(frame):
    return len(frame) >= ETH_HEADER and struct.unpack_from("!H", frame, 12)[0] == ETH_P_IP


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True, help="one side of the link")
    parser.add_argument("--b", required=True, help="the other side")
    parser.add_argument("--delay-ms", type=float, default=0.0, help="one-way delay in each direction")
    parser.add_argument("--loss-pct", type=float, default=0.0, help="IPv4 packets dropped in each direction, in %%")
    parser.add_argument("--seed", type=int, default=None, help="random seed of the losses")
    parser.add_argument("--loss-on-signal", action="store_true", help="no loss until SIGUSR1 arrives")
    args = parser.parse_args()
    if not 0 <= args.loss_pct <= 100 or args.delay_ms < 0:
        parser.error("--loss-pct must be between 0 and 100 and --delay-ms not negative")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    losses = random.Random(args.seed)
    side_a, side_b = open_interface(args.a), open_interface(args.b)
    other = {side_a: side_b, side_b: side_a}
    delay = args.delay_ms / 1000.0
    impairment = {"loss": 0.0 if args.loss_on_signal else args.loss_pct / 100.0}

    def start_losing(*_):
        impairment["loss"] = args.loss_pct / 100.0

    signal.signal(signal.SIGUSR1, start_losing)
    queue = []  # (due, order, socket, frame)
    order = 0
    counts = {"forwarded": 0, "dropped": 0}
    try:
        while True:
            now = time.monotonic()
            while queue and queue[0][0] <= now:
                _, _, out, frame = heapq.heappop(queue)
                try:
                    out.send(frame)
                    counts["forwarded"] += 1
                except OSError:
                    counts["dropped"] += 1  # e.g. the other side is down for a moment
            timeout = max(0.0, queue[0][0] - now) if queue else 1.0
            readable, _, _ = select.select([side_a, side_b], [], [], timeout)
            arrived = time.monotonic()
            for sock in readable:
                while True:
                    try:
                        frame, address = sock.recvfrom(65535)
                    except BlockingIOError:
                        break
                    except OSError:
                        time.sleep(0.01)  # the interface is going down (the lab is ending)
                        break
                    if address[2] == PACKET_OUTGOING:
                        continue  # our own transmission on this side
                    if is_ipv4(frame):
                        loss = impairment["loss"]
                        if loss and losses.random() < loss:
                            counts["dropped"] += 1
                            continue
                        frame = fix_udp_checksum(frame)
                        heapq.heappush(queue, (arrived + delay, order, other[sock], frame))
                    else:
                        heapq.heappush(queue, (arrived, order, other[sock], frame))
                    order += 1
    finally:
        print("wan-link %s<->%s: %d forwarded, %d dropped" % (args.a, args.b, counts["forwarded"], counts["dropped"]),
              file=sys.stderr)


if __name__ == "__main__":
    main()
