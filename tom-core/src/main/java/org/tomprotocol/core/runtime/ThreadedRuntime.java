package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.EngineRuntime;
import org.tomprotocol.spi.runtime.RuntimeAgent;

/**
 * A node's own threads: one Agrona agent thread that parks when idle, one event thread for application
 * notifications, a worker pool for cryptography shared by every node of the process (sized to the
 * cores), and, while the node mints proof-of-work stamps, one thread of low priority for that alone: a stamp of
 * a second's work must not hold up a worker that verifies what comes in, for this node or any other of the process.
 * Reads the system clock.
 */
final class ThreadedRuntime implements EngineRuntime, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ThreadedRuntime.class.getName());
    private static final ExecutorService WORKERS = sharedWorkers();

    /** How long the minting thread stays once it has nothing left to mint. */
    private static final long MINTING_KEEP_ALIVE_SECONDS = 30;

    private final String name;
    private final ExecutorService callbacks;
    private final ThreadPoolExecutor minting;

    ThreadedRuntime(String name) {
        this.name = name;
        this.callbacks = Executors.newSingleThreadExecutor(daemonFactory("tom-events-" + name));
        ThreadFactory mintingThreads = daemonFactory("tom-mint-" + name);
        this.minting = new ThreadPoolExecutor(1, 1, MINTING_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = mintingThreads.newThread(runnable);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        // an idle node keeps no minting thread
        minting.allowCoreThreadTimeOut(true);
    }

    /** On the node's own minting thread, one stamp after another (see the class doc). */
    @Override
    public void proofOfWork(long hashes, Runnable work) {
        minting.execute(work);
    }

    private static ExecutorService sharedWorkers() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonFactory("tom-worker"));
    }

    private static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Override
    public java.util.concurrent.Executor workers() {
        return WORKERS;
    }

    @Override
    public java.util.concurrent.Executor callbacks() {
        return callbacks;
    }

    @Override
    public AgentHandle attach(RuntimeAgent agent) {
        Agent adapter = new Agent() {
            @Override
            public int doWork() {
                return agent.doWork();
            }

            @Override
            public void onClose() {
                agent.onClose();
            }

            @Override
            public String roleName() {
                return agent.name();
            }
        };
        AgentRunner runner = new AgentRunner(new ParkingIdleStrategy(agent, clock()),
                error -> LOG.log(Level.ERROR, "agent " + agent.name() + " failed a duty cycle", error), null, adapter);
        AgentRunner.startOnThread(runner, daemonFactory("tom-agent-" + name));
        return new AgentHandle() {
            @Override
            public void wake() {
                Thread thread = runner.thread();
                if (thread != null) {
                    LockSupport.unpark(thread);
                }
            }

            @Override
            public void close() {
                runner.close();
            }
        };
    }

    /** The node stopped: its event thread goes. */
    @Override
    public void release() {
        close();
    }

    /** Stops the event thread after it ran what it was given. */
    @Override
    public void close() {
        minting.shutdownNow();
        callbacks.shutdown();
        try {
            if (!callbacks.awaitTermination(5, TimeUnit.SECONDS)) {
                callbacks.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callbacks.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "ThreadedRuntime[" + name + "]";
    }
}
