package org.tomprotocol.testkit;

import java.io.Serial;

/**
 * A task of a {@link VirtualRuntime} threw (an engine crash, a failing listener, a failed assertion inside
 * the simulation), or the simulation stopped making progress. The cause is what the task threw.
 */
public class SimulationException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
