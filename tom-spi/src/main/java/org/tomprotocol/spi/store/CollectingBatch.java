package org.tomprotocol.spi.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * A {@link Store.Batch} that collects its changes (checked, values copied when added) and hands them, in order, to
 * {@link #write} at commit: a store writes them its own way, e.g. in one transaction. Used once.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class CollectingBatch implements Store.Batch {
    /** One change of a batch. */
    public sealed interface Change permits Put, Remove {
    }

    /** Stores {@code value} under {@code namespace}/{@code key} until {@code expiresAt}. */
    public record Put(String namespace, String key, byte[] value, Instant expiresAt) implements Change {
    }

    /** Removes the entry under {@code namespace}/{@code key}. */
    public record Remove(String namespace, String key) implements Change {
    }

    private final List<Change> changes = new ArrayList<>();
    private boolean committed;

    @Override
    public final Store.Batch put(String namespace, String key, byte[] value, Instant expiresAt) {
        checkNotCommitted();
        changes.add(new Put(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, "value").clone(), Objects.requireNonNull(expiresAt, "expiresAt")));
        return this;
    }

    @Override
    public final Store.Batch remove(String namespace, String key) {
        checkNotCommitted();
        changes.add(new Remove(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key")));
        return this;
    }

    @Override
    public final void commit() throws IOException {
        checkNotCommitted();
        committed = true;
        if (!changes.isEmpty()) {
            write(List.copyOf(changes));
        }
    }

    /** Writes {@code changes} (never empty), in order; durable when it returns. */
    protected abstract void write(List<Change> changes) throws IOException;

    private void checkNotCommitted() {
        if (committed) {
            throw new IllegalStateException("this batch was committed already: start another with Store.batch()");
        }
    }
}
