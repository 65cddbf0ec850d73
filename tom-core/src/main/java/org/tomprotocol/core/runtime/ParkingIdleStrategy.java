package org.tomprotocol.core.runtime;

import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;
import org.tomprotocol.spi.runtime.RuntimeAgent;

/**
 * Spins briefly after work, then parks until the agent's next timer is due (at most 1 s); a wake-up unparks
 * the agent thread at once. An idle node therefore costs about one wake-up per second.
 */
final class ParkingIdleStrategy implements IdleStrategy {
    private static final int SPINS = 50;
    private static final int YIELDS = 20;
    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RuntimeAgent agent;
    private final InstantSource clock;
    private int idleCycles;

    ParkingIdleStrategy(RuntimeAgent agent, InstantSource clock) {
        this.agent = agent;
        this.clock = clock;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            idleCycles = 0;
            return;
        }
        idle();
    }

    @Override
    public void idle() {
        idleCycles++;
        if (idleCycles <= SPINS) {
            Thread.onSpinWait();
        } else if (idleCycles <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            long untilDeadline = TimeUnit.MILLISECONDS.toNanos(agent.nextDeadlineMillis() - clock.millis());
            long park = Math.min(MAX_PARK_NANOS, Math.max(untilDeadline, 0));
            if (park > 0) {
                LockSupport.parkNanos(this, park);
            }
        }
    }

    @Override
    public void reset() {
        idleCycles = 0;
    }

    @Override
    public String alias() {
        return "tom-parking";
    }
}
