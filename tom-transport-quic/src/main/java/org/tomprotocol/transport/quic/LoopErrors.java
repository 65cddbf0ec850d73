package org.tomprotocol.transport.quic;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Where the transport's threads report what they did not expect. Netty catches whatever a handler, a task or a
 * future listener throws and logs it as a warning, so an {@link Error} (out of memory, a stack overflow, a
 * linkage error) would leave the node running half-broken; here it is logged at error level and handed to
 * {@link TransportListener#onFatalError}, so the node fails loudly. An exception is a bug, logged as a warning,
 * and the loop carries on. Handlers call {@link #caught}; tasks and listeners are wrapped with {@link #guard}.
 * Thread-safe.
 */
final class LoopErrors {
    private static final System.Logger LOG = System.getLogger(LoopErrors.class.getName());

    private final TransportListener listener;
    private final ChannelHandler lastHandler = new LastHandler();

    LoopErrors(TransportListener listener) {
        this.listener = listener;
    }

    /**
     * {@code where} saw {@code cause}. An {@link Error} is fatal: logged at error level and reported.
     *
     * @return whether it was fatal
     */
    boolean caught(String where, Throwable cause) {
        if (cause instanceof Error error) {
            LOG.log(System.Logger.Level.ERROR, "unrecoverable error in the quic transport (" + where
                    + "); the node reports itself failed", error);
            listener.onFatalError(error);
            return true;
        }
        return false;
    }

    /** {@code task}, reporting what it throws instead of letting Netty log it (or a periodic task stop). */
    Runnable guard(String where, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a quic transport task failed (" + where + "); it carries on", e);
            } catch (Error e) {
                caught(where, e);
            }
        };
    }

    /** {@code listener}, reporting what it throws. */
    <F extends Future<?>> GenericFutureListener<F> guard(String where, GenericFutureListener<F> futureListener) {
        return future -> {
            try {
                futureListener.operationComplete(future);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a quic transport listener failed (" + where + ")", e);
            } catch (Error e) {
                caught(where, e);
            }
        };
    }

    /** A handler for the end of a pipeline: reports the errors no earlier handler took. */
    ChannelHandler lastHandler() {
        return lastHandler;
    }

    @ChannelHandler.Sharable
    private final class LastHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!caught("socket pipeline", cause)) {
                LOG.log(System.Logger.Level.DEBUG, "quic socket error: {0}", cause.toString());
            }
        }
    }
}
