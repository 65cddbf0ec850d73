package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class VirtualRuntimeTest {
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final List<String> order = new ArrayList<>();

    @Test
    void clockStartsAtTheConfiguredInstantAndMovesOnlyWhenRunning() {
        assertThat(runtime.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(runtime.clock().instant()).isEqualTo(VirtualRuntime.DEFAULT_START);

        Instant start = Instant.parse("2030-06-01T12:00:00Z");
        VirtualRuntime custom = new VirtualRuntime(start);
        assertThat(custom.clock().millis()).isEqualTo(start.toEpochMilli());
        custom.schedule(Duration.ofSeconds(3), () -> order.add("x"));
        assertThat(custom.now()).isEqualTo(start);

        custom.runFor(Duration.ofSeconds(10));

        assertThat(order).containsExactly("x");
        assertThat(custom.now()).isEqualTo(start.plusSeconds(10));
    }

    @Test
    void eventsRunByTimeAndFifoAtEqualTimes() {
        runtime.schedule(Duration.ofMillis(20), () -> order.add("c@20"));
        runtime.schedule(Duration.ofMillis(10), () -> order.add("a@10"));
        runtime.schedule(Duration.ofMillis(10), () -> order.add("b@10"));
        runtime.schedule(Duration.ZERO, () -> {
            order.add("first@0");
            runtime.schedule(Duration.ofMillis(10), () -> order.add("d@10 added later"));
        });

        runtime.runFor(Duration.ofMillis(100));

        assertThat(order).containsExactly("first@0", "a@10", "b@10", "d@10 added later", "c@20");
        assertThat(runtime.eventsProcessed()).isEqualTo(5);
    }

    @Test
    void runUntilInstantStopsAtTheTargetAndLeavesLaterEventsQueued() {
        runtime.schedule(Duration.ofMillis(50), () -> order.add("50"));
        runtime.schedule(Duration.ofMillis(51), () -> order.add("51"));

        runtime.runUntil(VirtualRuntime.DEFAULT_START.plusMillis(50));

        assertThat(order).containsExactly("50");
        assertThat(runtime.pendingEvents()).isEqualTo(1);
        assertThatThrownBy(() -> runtime.runUntil(VirtualRuntime.DEFAULT_START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already at");
    }

    @Test
    void executorsQueueTasksInsteadOfRunningThemInline() {
        runtime.workers().execute(() -> order.add("worker"));
        runtime.callbacks().execute(() -> order.add("callback"));
        runtime.workers().execute(() -> order.add("worker 2"));

        assertThat(order).isEmpty();
        runtime.runFor(Duration.ZERO);

        assertThat(order).containsExactly("worker", "callback", "worker 2");
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START);
    }

    @Test
    void aThrowingTaskSurfacesFromTheRunMethodAndIsRecorded() {
        IllegalStateException crash = new IllegalStateException("engine bug");
        runtime.schedule(Duration.ofMillis(5), () -> order.add("before"));
        runtime.schedule(Duration.ofMillis(7), () -> {
            throw crash;
        });
        runtime.schedule(Duration.ofMillis(9), () -> order.add("after"));

        assertThatThrownBy(() -> runtime.runFor(Duration.ofSeconds(1)))
                .isInstanceOf(SimulationException.class)
                .hasCause(crash)
                .hasMessageContaining("2026-01-01T00:00:00.007Z");
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(7));
        assertThat(runtime.failures()).containsExactly(crash);
        assertThat(order).containsExactly("before");

        runtime.runFor(Duration.ofSeconds(1));
        assertThat(order).containsExactly("before", "after");
    }

    @Test
    void callbackFailuresSurfaceToo() {
        runtime.callbacks().execute(() -> {
            throw new AssertionError("listener assertion");
        });

        assertThatThrownBy(() -> runtime.runFor(Duration.ZERO))
                .isInstanceOf(SimulationException.class)
                .hasRootCauseMessage("listener assertion")
                .hasMessageContaining("callback");
    }

    @Test
    void runUntilConditionStopsAtTheEventThatMadeItTrue() {
        runtime.schedule(Duration.ofMillis(30), () -> order.add("a"));
        runtime.schedule(Duration.ofMillis(40), () -> order.add("b"));
        runtime.schedule(Duration.ofMillis(50), () -> order.add("c"));

        boolean reached = runtime.runUntil(() -> order.contains("b"), Duration.ofSeconds(1));

        assertThat(reached).isTrue();
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(40));
        assertThat(order).containsExactly("a", "b");

        boolean never = runtime.runUntil(() -> order.contains("z"), Duration.ofMillis(100));
        assertThat(never).isFalse();
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(140));
        assertThat(order).containsExactly("a", "b", "c");
    }

    @Test
    void runUntilIdleReportsWhetherTheQueueDrained() {
        runtime.schedule(Duration.ofMillis(30), () -> order.add("a"));

        assertThat(runtime.runUntilIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(30));

        Runnable[] tick = new Runnable[1];
        tick[0] = () -> runtime.schedule(Duration.ofMillis(100), tick[0]);
        runtime.schedule(Duration.ZERO, tick[0]);

        assertThat(runtime.runUntilIdle(Duration.ofSeconds(1))).isFalse();
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(1030));
    }

    @Test
    void stepRunsOneEventWheneverItIsDue() {
        assertThat(runtime.step()).isFalse();
        runtime.schedule(Duration.ofHours(1), () -> order.add("later"));
        runtime.schedule(Duration.ofHours(2), () -> order.add("much later"));

        assertThat(runtime.step()).isTrue();

        assertThat(order).containsExactly("later");
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plus(Duration.ofHours(1)));
    }

    @Test
    void anotherThreadIsRejected() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                runtime.workers().execute(() -> order.add("never"));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "intruder");
        other.start();
        other.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("intruder");
        assertThat(runtime.pendingEvents()).isZero();
    }

    @Test
    void runMethodsCannotBeNestedInsideATask() {
        runtime.schedule(Duration.ZERO, () -> runtime.runFor(Duration.ofMillis(1)));

        assertThatThrownBy(() -> runtime.runFor(Duration.ZERO))
                .isInstanceOf(SimulationException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a simulated task");
    }

    @Test
    void negativeDelaysAreRejected() {
        assertThatThrownBy(() -> runtime.schedule(-1, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> runtime.runFor(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void futuresCompletedInTasksRunTheirDependentsInTheSimulation() {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.thenAccept(value -> order.add(value + "@" + runtime.nowMillis()));
        runtime.schedule(Duration.ofMillis(12), () -> future.complete("done"));

        runtime.runFor(Duration.ofMillis(20));

        assertThat(order).containsExactly("done@" + (VirtualRuntime.DEFAULT_START.toEpochMilli() + 12));
    }

    @Test
    void aNodeMintsOneStampAfterAnotherAtTheModelledHashRate() {
        VirtualRuntime runtime = new VirtualRuntime().hashesPerSecond(1_000);
        org.tomprotocol.spi.runtime.EngineRuntime node = runtime.runtime("a");
        List<Long> doneAt = new ArrayList<>();
        node.proofOfWork(500, () -> doneAt.add(runtime.nowMillis()));
        node.proofOfWork(1_000, () -> doneAt.add(runtime.nowMillis()));
        node.proofOfWork(1, () -> doneAt.add(runtime.nowMillis()));
        long start = runtime.nowMillis();

        runtime.runFor(Duration.ofSeconds(5));

        assertThat(doneAt).containsExactly(start + 500, start + 1_500, start + 1_501);
    }

    @Test
    void eachNodeMintsOnACoreOfItsOwn() {
        VirtualRuntime runtime = new VirtualRuntime().hashesPerSecond(1_000);
        List<String> done = new ArrayList<>();
        runtime.runtime("a").proofOfWork(2_000, () -> done.add("a at " + runtime.nowMillis()));
        runtime.runtime("b").proofOfWork(2_000, () -> done.add("b at " + runtime.nowMillis()));
        long start = runtime.nowMillis();

        runtime.runFor(Duration.ofSeconds(3));

        assertThat(done).containsExactly("a at " + (start + 2_000), "b at " + (start + 2_000));
    }

    @Test
    void aHashRateBelowOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> new VirtualRuntime().hashesPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hashes per second");
    }
}
