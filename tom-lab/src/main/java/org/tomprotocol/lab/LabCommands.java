package org.tomprotocol.lab;

import java.util.List;

import org.tomprotocol.cli.extension.CommandExtension;
import org.tomprotocol.lab.bench.BenchCommand;
import org.tomprotocol.lab.sim.SimCommand;

/** {@code tom sim} and {@code tom bench}: the simulators and benchmarks, outside the image's runtime modules. */
public final class LabCommands implements CommandExtension {
    @Override
    public List<Object> commands() {
        return List.of(new SimCommand(), new BenchCommand());
    }
}
