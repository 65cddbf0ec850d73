package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.RuntimeAgent;

class AgentDriverTest {
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final long start = runtime.nowMillis();

    /** An agent with a queue of inputs and timers, like the engine's: each doWork handles what is due. */
    private final class FakeAgent implements RuntimeAgent {
        final TreeSet<Long> deadlines = new TreeSet<>();
        final List<Long> dutyCycles = new ArrayList<>();
        final List<Long> timersFired = new ArrayList<>();
        int queuedInputs;
        int inputsPerCycle = Integer.MAX_VALUE;
        long tickMillis = 1;
        int onCloseCalls;
        Runnable duringWork = () -> { };

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int doWork() {
            long now = runtime.nowMillis();
            dutyCycles.add(now - start);
            duringWork.run();
            int work = Math.min(queuedInputs, inputsPerCycle);
            queuedInputs -= work;
            long tickedNow = now - (now % tickMillis);
            while (!deadlines.isEmpty() && deadlines.first() <= tickedNow) {
                timersFired.add(deadlines.pollFirst() - start);
                work++;
            }
            return work;
        }

        @Override
        public long nextDeadlineMillis() {
            return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.first();
        }

        @Override
        public void onClose() {
            onCloseCalls++;
        }
    }

    private final FakeAgent agent = new FakeAgent();

    @Test
    void attachRunsAFirstDutyCycleAndWakesCoalesce() {
        AgentHandle handle = runtime.attach(agent);
        handle.wake();
        handle.wake();
        assertThat(agent.dutyCycles).isEmpty();

        runtime.runFor(Duration.ZERO);
        assertThat(agent.dutyCycles).containsExactly(0L);

        runtime.runFor(Duration.ofMillis(5));
        handle.wake();
        handle.wake();
        runtime.runFor(Duration.ofMillis(5));
        assertThat(agent.dutyCycles).containsExactly(0L, 5L);
    }

    @Test
    void busyAgentIsCalledAgainAtTheSameInstantUntilIdle() {
        agent.queuedInputs = 5;
        agent.inputsPerCycle = 2;

        runtime.attach(agent);
        runtime.runFor(Duration.ofMillis(10));

        // 2 + 2 + 1 inputs, then one cycle that finds nothing and lets the agent idle.
        assertThat(agent.dutyCycles).containsExactly(0L, 0L, 0L, 0L);
        assertThat(runtime.now()).isEqualTo(VirtualRuntime.DEFAULT_START.plusMillis(10));
    }

    @Test
    void timersFireExactlyAtTheAgentsDeadline() {
        agent.deadlines.add(start + 100);
        agent.deadlines.add(start + 250);

        runtime.attach(agent);
        runtime.runFor(Duration.ofSeconds(1));

        assertThat(agent.timersFired).containsExactly(100L, 250L);
        // each cycle that did work is followed by one more at the same instant
        assertThat(agent.dutyCycles).containsExactly(0L, 100L, 100L, 250L, 250L);
    }

    @Test
    void anEarlierDeadlineReplacesThePendingTimerAndTheStaleOneIsIgnored() {
        agent.deadlines.add(start + 100);
        AgentHandle handle = runtime.attach(agent);
        runtime.runFor(Duration.ofMillis(10));

        agent.deadlines.add(start + 50);
        handle.wake();
        runtime.runFor(Duration.ofMillis(200));

        assertThat(agent.timersFired).containsExactly(50L, 100L);
        // the timer first armed for 100 was superseded: it must not add a third cycle at 100
        assertThat(agent.dutyCycles).containsExactly(0L, 10L, 50L, 50L, 100L, 100L);
    }

    @Test
    void aDueDeadlineTheAgentDoesNotConsumeIsRetriedAMillisecondLater() {
        agent.tickMillis = 4; // the agent's timer wheel only sees whole 4 ms ticks
        agent.deadlines.add(start + 101);

        runtime.attach(agent);
        runtime.runFor(Duration.ofMillis(200));

        assertThat(agent.timersFired).containsExactly(101L);
        assertThat(agent.dutyCycles).containsExactly(0L, 101L, 102L, 103L, 104L, 104L);
    }

    @Test
    void closeStopsDrivingAndCallsOnCloseOnce() {
        agent.deadlines.add(start + 100);
        AgentHandle handle = runtime.attach(agent);
        runtime.runFor(Duration.ofMillis(10));

        handle.close();
        handle.close();
        handle.wake();
        runtime.runFor(Duration.ofSeconds(1));

        assertThat(agent.onCloseCalls).isEqualTo(1);
        assertThat(agent.dutyCycles).containsExactly(0L);
        assertThat(agent.timersFired).isEmpty();
    }

    @Test
    void closeFromInsideDoWorkDefersOnCloseUntilTheCycleEnds() {
        List<String> events = new ArrayList<>();
        AgentHandle[] handle = new AgentHandle[1];
        agent.queuedInputs = 3;
        agent.inputsPerCycle = 1;
        agent.duringWork = () -> {
            events.add("work");
            handle[0].close();
            events.add("closed, onClose calls=" + agent.onCloseCalls);
        };

        handle[0] = runtime.attach(agent);
        runtime.runFor(Duration.ofMillis(10));

        assertThat(events).containsExactly("work", "closed, onClose calls=0");
        assertThat(agent.onCloseCalls).isEqualTo(1);
        assertThat(agent.dutyCycles).hasSize(1);
    }

    @Test
    void anAgentCrashSurfacesFromTheRunMethod() {
        agent.duringWork = () -> {
            throw new IllegalStateException("state machine invariant broken");
        };

        runtime.attach(agent);

        assertThatThrownBy(() -> runtime.runFor(Duration.ofMillis(1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("agent fake")
                .hasRootCauseMessage("state machine invariant broken");
    }

    @Test
    void anAgentThatNeverIdlesIsReportedAsStuck() {
        agent.queuedInputs = Integer.MAX_VALUE;
        agent.inputsPerCycle = 1;
        runtime.livelockThreshold(1_000);

        runtime.attach(agent);

        assertThatThrownBy(() -> runtime.runFor(Duration.ofMillis(1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("stuck")
                .hasMessageContaining("agent fake");
        assertThat(agent.dutyCycles).hasSize(1_000);
    }
}
