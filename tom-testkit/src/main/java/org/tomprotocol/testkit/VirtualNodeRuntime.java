package org.tomprotocol.testkit;

import java.time.InstantSource;
import java.util.concurrent.Executor;

import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.EngineRuntime;
import org.tomprotocol.spi.runtime.RuntimeAgent;

/** One node's share of a {@link VirtualRuntime}: its clock, executors and agents, and a core of its own to mint on. */
final class VirtualNodeRuntime implements EngineRuntime {
    private final VirtualRuntime shared;
    private final ModelledMinting minting;

    VirtualNodeRuntime(VirtualRuntime shared) {
        this.shared = shared;
        this.minting = new ModelledMinting(shared);
    }

    @Override
    public InstantSource clock() {
        return shared.clock();
    }

    @Override
    public Executor workers() {
        return shared.workers();
    }

    @Override
    public Executor callbacks() {
        return shared.callbacks();
    }

    @Override
    public AgentHandle attach(RuntimeAgent agent) {
        return shared.attach(agent);
    }

    @Override
    public void proofOfWork(long hashes, Runnable work) {
        shared.checkThread();
        minting.submit(hashes, work);
    }
}
