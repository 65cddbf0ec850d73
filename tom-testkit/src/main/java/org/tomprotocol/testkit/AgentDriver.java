package org.tomprotocol.testkit;

import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.RuntimeAgent;

/**
 * Drives one {@link RuntimeAgent} on a {@link VirtualRuntime}: at most one pending duty cycle from
 * {@link #wake()} and at most one pending timer, the earliest; stale timers are recognised by generation.
 */
final class AgentDriver implements AgentHandle {
    private final VirtualRuntime runtime;
    private final RuntimeAgent agent;
    private final String label;
    private boolean workPending;
    private long timerAtMillis = Long.MAX_VALUE;
    private long timerGeneration;
    private boolean inDutyCycle;
    private boolean closed;
    private boolean onCloseCalled;

    AgentDriver(VirtualRuntime runtime, RuntimeAgent agent) {
        this.runtime = runtime;
        this.agent = agent;
        this.label = "agent " + agent.name();
    }

    @Override
    public void wake() {
        runtime.checkThread();
        if (closed || workPending) {
            return;
        }
        workPending = true;
        runtime.enqueue(runtime.nowMillis(), label, this::onWorkEvent);
    }

    private void onWorkEvent() {
        workPending = false;
        dutyCycle();
    }

    private void onTimerEvent(long generation) {
        if (generation != timerGeneration || closed) {
            return;
        }
        timerAtMillis = Long.MAX_VALUE;
        dutyCycle();
    }

    private void dutyCycle() {
        if (closed) {
            return;
        }
        int work;
        inDutyCycle = true;
        try {
            work = agent.doWork();
        } finally {
            inDutyCycle = false;
            if (closed) {
                finishClose();
            }
        }
        if (closed) {
            return;
        }
        if (work > 0) {
            wake();
        }
        armTimer(agent.nextDeadlineMillis(), work);
    }

    private void armTimer(long deadlineMillis, int work) {
        if (deadlineMillis == Long.MAX_VALUE) {
            return;
        }
        long now = runtime.nowMillis();
        long at;
        if (deadlineMillis > now) {
            at = deadlineMillis;
        } else if (work > 0) {
            return; // the duty cycle already queued at this instant looks at the deadline again
        } else {
            // A due deadline that doWork did not consume (e.g. a timer wheel with a coarser tick) is retried
            // one millisecond later, so it cannot pin virtual time at this instant.
            at = now + 1;
        }
        if (at >= timerAtMillis) {
            return;
        }
        timerAtMillis = at;
        long generation = ++timerGeneration;
        runtime.enqueue(at, label + " timer", () -> onTimerEvent(generation));
    }

    @Override
    public void close() {
        runtime.checkThread();
        if (closed) {
            return;
        }
        closed = true;
        timerGeneration++;
        if (!inDutyCycle) {
            finishClose();
        }
    }

    private void finishClose() {
        if (!onCloseCalled) {
            onCloseCalled = true;
            agent.onClose();
        }
    }
}
