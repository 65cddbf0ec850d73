package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * {@code pause}: the node spends too much on a peer's input, so the transport stops taking new frames from it
 * for a while. The frames wait inside QUIC (flow control holds the peer back), none is lost, the session stays
 * up, and reading resumes by itself; other peers are not affected.
 */
class PauseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void framesSentDuringAPauseWaitAndAllArriveOnceItEnds() throws Exception {
        Node victim = nodes.start();
        Node busy = nodes.start();
        Node other = nodes.start();
        TestNodes.introduce(busy, victim);
        TestNodes.introduce(other, victim);
        busy.transport().send(victim.id(), FrameChannel.ENVELOPE, text("before")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        other.transport().connect(victim.id()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(new String(victim.listener().nextFrame(WAIT).payload(), StandardCharsets.UTF_8)).isEqualTo("before");

        victim.transport().pause(busy.id(), Duration.ofSeconds(2));
        TestNodes.eventually(WAIT, "paused", () -> victim.transport().isPaused(busy.id()));
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(busy.transport().send(victim.id(), FrameChannel.ENVELOPE, text("held " + i))
                    .toCompletableFuture());
        }
        other.transport().send(victim.id(), FrameChannel.ENVELOPE, text("from another peer"));

        // QUIC had already been asked for the next stream when the pause began: at most that one gets through
        List<RecordingListener.Frame> duringPause = new ArrayList<>();
        do {
            duringPause.add(victim.listener().nextFrame(WAIT));
        } while (duringPause.stream().noneMatch(frame -> frame.peer().equals(other.id())));
        assertThat(duringPause.stream().filter(frame -> frame.peer().equals(busy.id()))).hasSizeLessThanOrEqualTo(1);
        assertThat(victim.transport().isPaused(busy.id())).as("still paused once the other frame arrived").isTrue();

        List<String> held = new ArrayList<>(duringPause.stream().filter(frame -> frame.peer().equals(busy.id()))
                .map(frame -> new String(frame.payload(), StandardCharsets.UTF_8)).toList());
        while (held.size() < 20) {
            held.add(new String(victim.listener().nextFrame(WAIT).payload(), StandardCharsets.UTF_8));
        }
        assertThat(held).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "held " + i).toList());
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(victim.transport().isPaused(busy.id())).isFalse();
        assertThat(victim.transport().isConnected(busy.id())).isTrue();
    }
}
