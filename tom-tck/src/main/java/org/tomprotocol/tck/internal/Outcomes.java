package org.tomprotocol.tck.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.opentest4j.AssertionFailedError;

/**
 * Waits for what a provider does asynchronously, on real time: polls a condition or waits for a stage, and
 * fails naming what did not happen within the patience. It never sleeps a fixed time to let things settle.
 */
public final class Outcomes {
    private static final long POLL_MILLIS = 5;

    private Outcomes() {
    }

    /** Returns as soon as {@code condition} holds; fails after {@code patience}. */
    public static void eventually(Duration patience, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError("not within " + patience.toMillis() + " ms: " + what);
            }
            pause();
        }
    }

    /** Waits for {@code stage} to complete normally. */
    public static void succeeds(CompletionStage<?> stage, Duration patience, String what) {
        Throwable failure = settle(stage, patience, what);
        if (failure != null) {
            throw new AssertionFailedError(what + " failed: " + failure, failure);
        }
    }

    /** Waits for {@code stage} to complete exceptionally and returns the cause. */
    public static Throwable fails(CompletionStage<?> stage, Duration patience, String what) {
        Throwable failure = settle(stage, patience, what);
        if (failure == null) {
            throw new AssertionFailedError(what + " succeeded: it should have failed");
        }
        return failure;
    }

    /** Waits for {@code stage} to complete either way; returns its failure, or {@code null} on success. */
    public static Throwable settle(CompletionStage<?> stage, Duration patience, String what) {
        if (stage == null) {
            throw new AssertionFailedError(what + ": the provider returned null instead of a stage");
        }
        CompletableFuture<?> future = stage.toCompletableFuture();
        try {
            future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException | CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionFailedError("not within " + patience.toMillis() + " ms: " + what
                    + " (the stage never completed)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting: " + what, e);
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while polling", e);
        }
    }
}
