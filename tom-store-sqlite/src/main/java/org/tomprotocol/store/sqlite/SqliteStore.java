package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.tomprotocol.spi.store.CollectingBatch;
import org.tomprotocol.spi.store.Store;

/**
 * A store in one SQLite file, {@value StoreFile#NAME}, with its write-ahead log beside it.
 *
 * <p>Durability: the file is in WAL mode with {@code synchronous=FULL}, so every call that changes something, and
 * every {@link #batch() batch} (one transaction), has flushed the log to disk when it returns; SQLite replays the
 * log after a crash. The file is locked for this store alone ({@code locking_mode=EXCLUSIVE}): a second node or
 * process opening the same data directory is refused, naming the file, instead of both writing.
 *
 * <p>Threads: the store has one connection, which is both its reader and its one writer. Every method may be called
 * from any thread; calls run one at a time, in the order they take the store's lock, so a call waits while another
 * thread's write is flushed to disk. The engine calls it from one I/O thread, never its agent thread, since a write
 * blocks for a disk flush. A {@link Store.Batch} belongs to the thread that fills it; only its commit takes the lock.
 *
 * <p>Errors: a file that is not a ToM store, is damaged, of a newer schema version, open elsewhere or readable by
 * others fails {@link #open} with a {@link StoreFileException} that names the file and what to do; the file is
 * never deleted or rewritten. Later SQLite errors are {@link IOException}s naming the file.
 */
final class SqliteStore implements Store {
    private static final System.Logger LOG = System.getLogger(SqliteStore.class.getName());
    /** How long a call waits for a lock SQLite holds for another connection before giving up. */
    private static final int BUSY_TIMEOUT_MS = 250;

    /** How commits reach the disk: the store uses FULL; OFF exists so a benchmark can tell what the flush costs. */
    enum Sync {
        FULL, OFF
    }

    private final Path file;
    private final Connection connection;
    private final EntryTable entries;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private SqliteStore(Path file, Connection connection, EntryTable entries) {
        this.file = file;
        this.connection = connection;
        this.entries = entries;
    }

    /** Opens, or creates, the store of {@code directory}. */
    static SqliteStore open(Path directory) throws IOException {
        return open(directory, Sync.FULL);
    }

    static SqliteStore open(Path directory, Sync sync) throws IOException {
        Path file = StoreFile.prepare(directory);
        Connection connection = connect(file);
        try {
            Schema.Found found = inspect(file, connection);
            configure(file, connection, sync);
            checkIntegrity(file, connection);
            Schema.migrate(file, connection, found);
            SqliteStore store = new SqliteStore(file, connection, new EntryTable(connection));
            LOG.log(Level.DEBUG, "opened store file {0}", file);
            return store;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw SqliteFailures.of(file, "opening the store", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static Connection connect(Path file) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        // a file: URI, so that no character of the path is taken for a connection parameter
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toUri());
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "opening the store", e);
        }
    }

    /** What the file holds, read before anything is written to it, so a foreign file is never changed. */
    private static Schema.Found inspect(Path file, Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            // before the first read: the lock taken then is kept until close, so no other process writes meanwhile
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
        }
        return Schema.check(file, connection);
    }

    private static void configure(Path file, Connection connection, Sync sync) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            String mode = text(statement, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreFileException("store file " + file + " cannot be written ahead (journal mode "
                        + mode + " instead of wal): put the data directory on a local file system");
            }
            statement.execute("PRAGMA synchronous = " + sync.name());
            // the write lock, now: kept until close, so a second opener is refused at once, not at its first write
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("COMMIT");
        }
    }

    private static void checkIntegrity(Path file, Connection connection) throws SQLException, IOException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new StoreFileException("store file " + file + " is damaged (" + problems.size()
                    + " problems, first: " + problems.getFirst() + "); it was left untouched: stop the node and"
                    + " restore it from a backup, or move it away to start an empty store (what it held is then"
                    + " lost)");
        }
    }

    private static String text(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getString(1) : "";
        }
    }

    @Override
    public void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        lock.lock();
        try {
            checkOpen();
            entries.put(namespace, key, value, expiresAt);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "writing an entry", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<byte[]> get(String namespace, String key, Instant now) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        lock.lock();
        try {
            checkOpen();
            return entries.get(namespace, key, now);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "reading an entry", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(String namespace, String key) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            checkOpen();
            return entries.remove(namespace, key);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "removing an entry", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> keys(String namespace, Instant now) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(now, "now");
        lock.lock();
        try {
            checkOpen();
            return entries.keys(namespace, now);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "listing keys", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int purgeExpired(Instant now) throws IOException {
        Objects.requireNonNull(now, "now");
        lock.lock();
        try {
            checkOpen();
            return entries.purge(now);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "purging expired entries", e);
        } finally {
            lock.unlock();
        }
    }

    /** One transaction: one flush to disk for all of its changes, and all or none of them after a crash. */
    @Override
    public Batch batch() {
        return new SqliteBatch(this);
    }

    /** Applies {@code changes} in one transaction; called by {@link SqliteBatch#commit()}. */
    void commit(List<CollectingBatch.Change> changes) throws IOException {
        lock.lock();
        try {
            checkOpen();
            entries.begin();
            try {
                for (CollectingBatch.Change change : changes) {
                    switch (change) {
                        case CollectingBatch.Put put -> entries.put(put.namespace(), put.key(), put.value(),
                                put.expiresAt());
                        case CollectingBatch.Remove remove -> entries.remove(remove.namespace(), remove.key());
                    }
                }
                entries.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "writing a batch of " + changes.size() + " changes", e);
        } finally {
            lock.unlock();
        }
    }

    private void rollBack(Exception failure) {
        try {
            entries.rollback();
        } catch (SQLException e) {
            // SQLite may have rolled back by itself (e.g. the disk is full); the file stays consistent either way
            failure.addSuppressed(e);
        }
    }

    /** The database file. */
    Path file() {
        return file;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the store in " + file + " is closed");
        }
    }

    /** Closes the connection; SQLite then copies the log into the file and deletes it. A second close does nothing. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                entries.close();
            } finally {
                connection.close();
            }
            LOG.log(Level.DEBUG, "closed store file {0}", file);
        } catch (SQLException e) {
            throw SqliteFailures.of(file, "closing the store", e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
