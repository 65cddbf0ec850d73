package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.transport.quic.QuicSessionTest.await;
import static org.tomprotocol.transport.quic.QuicSessionTest.bytes;
import static org.tomprotocol.transport.quic.QuicSessionTest.text;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Gen-2 lost idle connections after 1.5 to 3 minutes. With the default options (keep-alive 10 s, idle timeout
 * 30 s) a session must stay up, untouched, for two minutes and still carry frames both ways.
 * Select it alone with {@code -Dgroups=slow}.
 */
@Tag("slow") // two minutes of wall time; CI runs it too
class QuicIdleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofMinutes(2);

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void aSessionIdleForTwoMinutesStillCarriesFrames() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        TestNodes.introduce(alice, bob);
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("before")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("before");
        alice.listener().events.clear();
        bob.listener().events.clear();

        // The test sends nothing for two minutes; any session event (a disconnect) ends the wait and fails.
        RecordingListener.Event duringIdle = alice.listener().events.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(duringIdle).as("Alice's session events while idle").isNull();
        assertThat(bob.listener().events).as("Bob's session events while idle").isEmpty();
        await(bob.transport().send(alice.id(), FrameChannel.ENVELOPE, bytes("after, from bob")));
        assertThat(text(alice.listener().nextFrame(WAIT).payload())).isEqualTo("after, from bob");
        await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, bytes("after, from alice")));
        assertThat(text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("after, from alice");
        assertThat(alice.listener().count("connected")).isEqualTo(1);
        assertThat(alice.listener().count("disconnected")).isZero();
        assertThat(bob.listener().count("disconnected")).isZero();
        assertThat(alice.transport().openConnections(bob.id())).isEqualTo(1);
    }
}
