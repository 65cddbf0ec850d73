#!/usr/bin/env python3
"""Thread hand-offs of a `tom bench quic` run, from a `perf sched record` of it (docs/benchmarks.md, issue 15).

    perf sched record -o sched.data -- tom-distribution/target/image/bin/tom bench quic --json \\
        --messages 15000 --throughput-messages 2000
    perf script -i sched.data | scripts/handoffs.py scan            # agent wake-ups per second: find the phase
    perf script -i sched.data | scripts/handoffs.py window 15 22    # seconds 15 to 22 of the recording

Every wake-up (`sched_waking`) is paired with the woken thread's next `sched_switch` onto a CPU; wake-ups are grouped
by waking and woken thread (ToM's threads by kind and node: tom-agent:<node>, tom-quic:<node>, ...) and counted per
round trip, a round trip being one wake-up of the bench's thread (`java`) by an event thread.
"""
import collections
import re
import statistics
import sys

LINE = re.compile(r'^\s*(.+?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+sched:(\w+):\s+(.*)$')
KINDS = ('tom-agent-', 'tom-quic-', 'tom-events-', 'tom-worker-')


def kind(thread):
    for prefix in KINDS:
        if thread.startswith(prefix):
            node = '' if prefix == 'tom-worker-' else ':' + thread[len(prefix):len(prefix) + 4]
            return prefix[:-1] + node
    return thread


def wakeups(lines):
    """(time woken, waker, woken, seconds until it ran) for every wake-up followed by a switch to the woken thread."""
    pending = {}
    for line in lines:
        match = LINE.match(line)
        if not match:
            continue
        thread, _, _, at, event, fields = match.groups()
        at = float(at)
        if event == 'sched_waking':
            values = dict(field.split('=', 1) for field in fields.split() if '=' in field)
            pending[values['pid']] = (at, kind(thread), kind(values['comm']))
        elif event == 'sched_switch':
            next_thread = re.search(r'next_comm=(.*) next_pid=(\d+)', fields)
            if next_thread and next_thread.group(2) in pending:
                woken_at, waker, woken = pending.pop(next_thread.group(2))
                yield woken_at, waker, woken, at - woken_at


def main(arguments):
    found = list(wakeups(sys.stdin))
    if not found:
        sys.exit('no sched_waking / sched_switch events on stdin: pipe `perf script` of a `perf sched record`')
    start = found[0][0]
    if arguments[:1] == ['scan']:
        per_second = collections.Counter(int(at - start) for at, waker, woken, _ in found
                                         if waker.startswith('tom-agent') or woken.startswith('tom-agent'))
        print(' '.join('%d:%d' % entry for entry in sorted(per_second.items())))
        return
    if len(arguments) != 3 or arguments[0] != 'window':
        sys.exit(__doc__)
    low, high = float(arguments[1]), float(arguments[2])
    pairs = collections.defaultdict(list)
    for at, waker, woken, delay in found:
        if low <= at - start < high and any(name.startswith('tom') or name == 'java' for name in (waker, woken)):
            pairs[(waker, woken)].append(delay)
    round_trips = sum(len(delays) for (waker, woken), delays in pairs.items()
                      if waker.startswith('tom-events') and woken == 'java')
    if round_trips == 0:
        sys.exit('no wake-up of the bench thread by an event thread in that window')
    print('round trips: %d' % round_trips)
    for (waker, woken), delays in sorted(pairs.items(), key=lambda entry: -len(entry[1]))[:20]:
        print('%-22s -> %-22s %6.2f per round trip, wake-up to running: median %5.1f us, mean %5.1f us' % (
            waker, woken, len(delays) / round_trips, statistics.median(delays) * 1e6, statistics.mean(delays) * 1e6))


if __name__ == '__main__':
    main(sys.argv[1:])
