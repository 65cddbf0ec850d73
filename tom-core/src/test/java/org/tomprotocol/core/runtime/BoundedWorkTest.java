package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

/**
 * A node's share of the shared workers: at most its limit with them at once, the rest waiting in order for room, each
 * slot given back when its task ends however it ends; control frames refused once too much waits.
 */
class BoundedWorkTest {
    private final Queue<Runnable> withTheWorkers = new ArrayDeque<>();
    private final Queue<Runnable> onTheAgent = new ArrayDeque<>();
    private final BoundedWork work = new BoundedWork(withTheWorkers::add, onTheAgent::add, 2, 2);
    private final List<Integer> ran = new ArrayList<>();

    private Runnable task(int n) {
        return () -> ran.add(n);
    }

    /** Runs what the workers hold, then what the agent was asked to do, until nothing is left. */
    private void runAll() {
        while (!withTheWorkers.isEmpty() || !onTheAgent.isEmpty()) {
            if (!withTheWorkers.isEmpty()) {
                withTheWorkers.poll().run();
            } else {
                onTheAgent.poll().run();
            }
        }
    }

    @Test
    void pastItsShareANodesTasksWaitAndGoInOrderAsRoomComes() {
        assertThat(work.submit(task(1))).isEqualTo(BoundedWork.Handed.STARTED);
        assertThat(work.submit(task(2))).isEqualTo(BoundedWork.Handed.STARTED);
        assertThat(work.submit(task(3))).isEqualTo(BoundedWork.Handed.WAITING);
        assertThat(work.submit(task(4))).isEqualTo(BoundedWork.Handed.WAITING);
        assertThat(withTheWorkers).as("never more than the share with the workers").hasSize(2);

        runAll();

        assertThat(ran).containsExactly(1, 2, 3, 4);
        assertThat(work.pending()).isZero();
        assertThat(work.waiting()).isZero();
        assertThat(work.waited()).isEqualTo(2);
    }

    @Test
    void aControlFrameIsRefusedOnceTooMuchWaitsAndTakenAgainOnceItWent() {
        for (int n = 1; n <= 4; n++) {
            work.submit(task(n));
        }

        assertThat(work.offer(task(5))).isEqualTo(BoundedWork.Handed.REFUSED);
        runAll();
        assertThat(work.offer(task(6))).isEqualTo(BoundedWork.Handed.STARTED);
        runAll();
        assertThat(ran).containsExactly(1, 2, 3, 4, 6);
    }

    @Test
    void aTaskThatFailsGivesItsSlotBack() {
        work.submit(() -> {
            throw new IllegalStateException("a failing task");
        });
        work.submit(task(2));
        work.submit(task(3));

        assertThatThrownBy(() -> withTheWorkers.poll().run()).isInstanceOf(IllegalStateException.class);
        runAll();

        assertThat(ran).containsExactly(2, 3);
        assertThat(work.pending()).isZero();
    }

    @Test
    void workersThatRefuseATaskLeaveNoSlotTaken() {
        BoundedWork refused = new BoundedWork(task -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, Runnable::run, 1, 1);

        assertThatThrownBy(() -> refused.submit(() -> { }))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(refused.pending()).isZero();
    }
}
