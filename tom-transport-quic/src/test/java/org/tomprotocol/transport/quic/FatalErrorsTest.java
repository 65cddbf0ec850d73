package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * An {@link Error} on a transport thread must fail the node loudly ({@code onFatalError}), never be swallowed the
 * way Netty swallows what handlers, tasks and listeners throw; exceptions are not fatal.
 */
class FatalErrorsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void anErrorThrownWhileReadingAFrameReachesOnFatalError() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        StackOverflowError thrown = new StackOverflowError("simulated while reading a frame");
        bob.listener().frameHook = frame -> {
            throw thrown;
        };
        TestNodes.introduce(alice, bob);

        alice.transport().send(bob.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("boom"));

        TestNodes.eventually(WAIT, "the error reported as fatal", () -> !bob.listener().fatalErrors.isEmpty());
        assertThat(bob.listener().fatalErrors).containsExactly(thrown);
    }

    @Test
    void anExceptionThrownWhileReadingAFrameIsNotFatalAndLaterFramesArrive() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        AtomicBoolean first = new AtomicBoolean(true);
        bob.listener().frameHook = frame -> {
            if (first.getAndSet(false)) {
                throw new IllegalStateException("a listener bug");
            }
            bob.listener().frames.add(frame);
        };
        TestNodes.introduce(alice, bob);

        QuicSessionTest.await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("one")));
        QuicSessionTest.await(alice.transport().send(bob.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("two")));

        assertThat(QuicSessionTest.text(bob.listener().nextFrame(WAIT).payload())).isEqualTo("two");
        assertThat(bob.listener().fatalErrors).isEmpty();
    }

    @Test
    void anErrorThrownInADialsCompletionReachesOnFatalError() throws Exception {
        Node alice = nodes.start();
        Node bob = nodes.start();
        OutOfMemoryError thrown = new OutOfMemoryError("simulated when the dial completed");
        alice.listener().connectedHook = () -> {
            throw thrown;
        };
        TestNodes.introduce(alice, bob);

        alice.transport().connect(bob.id());

        TestNodes.eventually(WAIT, "the error reported as fatal", () -> !alice.listener().fatalErrors.isEmpty());
        assertThat(alice.listener().fatalErrors).containsExactly(thrown);
    }
}
