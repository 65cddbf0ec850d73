package org.tomprotocol.tck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.tck.internal.TransportPeers.Peer;

/** Frames and exchanges of frames between two transports under test, on real time. */
public final class Exchanges {
    private Exchanges() {
    }

    /** {@code text} as UTF-8. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code text} followed by dots up to {@code size} bytes. */
    public static byte[] padded(String text, int size) {
        byte[] frame = new byte[size];
        Arrays.fill(frame, (byte) '.');
        byte[] head = bytes(text);
        System.arraycopy(head, 0, frame, 0, Math.min(head.length, size));
        return frame;
    }

    /** A frame in a form that compares whole frames without printing them. */
    public static String describe(NodeId from, FrameChannel channel, byte[] bytes) {
        return from.shortForm() + " " + channel + " " + bytes.length + " bytes #" + Arrays.hashCode(bytes);
    }

    /** Sends {@code count} frames each way at once, from two threads, and checks each arrived exactly once. */
    public static void exchangeConcurrently(Peer a, Peer b, int count, Duration patience) throws InterruptedException {
        List<CompletionStage<Void>> sent = Collections.synchronizedList(new ArrayList<>());
        Thread fromB = Thread.ofPlatform().name("tck-sender").start(() -> {
            for (int i = 0; i < count; i++) {
                sent.add(b.send(a, "tck-b-" + i));
            }
        });
        for (int i = 0; i < count; i++) {
            sent.add(a.send(b, "tck-a-" + i));
        }
        fromB.join(patience.toMillis());
        for (CompletionStage<Void> stage : List.copyOf(sent)) {
            Outcomes.succeeds(stage, patience, "sending while the session is up");
        }
        Outcomes.eventually(patience, "every frame each way", () -> b.recorder().textsFrom(a.id()).size() >= count
                && a.recorder().textsFrom(b.id()).size() >= count);
        Outcomes.succeeds(a.send(b, "tck-a-end"), patience, "sending the last frame");
        Outcomes.succeeds(b.send(a, "tck-b-end"), patience, "sending the last frame");
        Outcomes.eventually(patience, "the last frames", () -> b.recorder().received(a.id(), "tck-a-end")
                && a.recorder().received(b.id(), "tck-b-end"));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long atB = b.recorder().copiesOf(a.id(), "tck-a-" + i);
            long atA = a.recorder().copiesOf(b.id(), "tck-b-" + i);
            if (atB != 1) {
                wrong.add("tck-a-" + i + " arrived " + atB + " times");
            }
            if (atA != 1) {
                wrong.add("tck-b-" + i + " arrived " + atA + " times");
            }
        }
        assertEquals(List.of(), wrong, "every frame exactly once");
    }

    /**
     * Sends a frame every half second until one reaches {@code to}, as the engine resends: a session that died
     * unnoticed may swallow a frame or two. Returns whether one arrived within {@code patience}.
     */
    public static boolean resendUntilOneArrives(Peer from, Peer to, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            from.send(to, "tck-again-" + attempt);
            long next = Math.min(deadline, System.nanoTime() + 500_000_000L);
            while (System.nanoTime() < next) {
                if (!to.recorder().textsFrom(from.id()).isEmpty()) {
                    return true;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !to.recorder().textsFrom(from.id()).isEmpty();
    }
}
