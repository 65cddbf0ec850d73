package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/** Many frames, each counted by its content. */
class QuicBulkTest {
    private static final int FRAMES = 10_000;
    private static final int FRAME_BYTES = 1024;
    private static final int WINDOW = 1_000;

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void tenThousandFramesArriveExactlyOnce() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);
        Counter counter = new Counter();
        bob.listener().frameHook = counter::count;
        QuicSessionTest.await(alice.transport().connect(bob.id()));

        Semaphore window = new Semaphore(WINDOW);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < FRAMES; i++) {
            assertThat(window.tryAcquire(30, TimeUnit.SECONDS)).as("send window").isTrue();
            byte[] frame = new byte[FRAME_BYTES];
            ByteBuffer.wrap(frame).putInt(i).putInt(~i);
            alice.transport().send(bob.id(), FrameChannel.ENVELOPE, frame).whenComplete((ok, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
                window.release();
            });
        }

        assertThat(counter.all.await(60, TimeUnit.SECONDS)).as("all frames arrived").isTrue();
        assertThat(window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)).as("all sends completed").isTrue();
        assertThat(failures.get()).isZero();
        synchronized (counter) {
            assertThat(counter.seen.cardinality()).isEqualTo(FRAMES);
            assertThat(counter.duplicates).isZero();
            assertThat(counter.malformed).isZero();
        }
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
        assertThat(bob.listener().count("disconnected")).isZero();
    }

    /** Counts frames by the index they carry. */
    private static final class Counter {
        final BitSet seen = new BitSet(FRAMES);
        final CountDownLatch all = new CountDownLatch(FRAMES);
        int duplicates;
        int malformed;

        synchronized void count(RecordingListener.Frame frame) {
            ByteBuffer buffer = ByteBuffer.wrap(frame.payload());
            int index = buffer.getInt();
            if (frame.payload().length != FRAME_BYTES || buffer.getInt() != ~index || index < 0 || index >= FRAMES) {
                malformed++;
            } else if (seen.get(index)) {
                duplicates++;
            } else {
                seen.set(index);
                all.countDown();
            }
        }
    }
}
