/**
 * The durable store of ToM on SQLite: one database file per data directory, in WAL mode with
 * {@code synchronous=FULL} and one connection that writes. It exports nothing and only provides a
 * {@link org.tomprotocol.spi.store.StoreProvider}.
 *
 * <p>sqlite-jdbc loads its bundled native library with {@code System.load}, after copying it to
 * {@code java.io.tmpdir} (or the directory of the system property {@code org.sqlite.tmpdir}, for a temporary
 * directory mounted {@code noexec}); Java 24+ wants {@code --enable-native-access=org.xerial.sqlitejdbc} to allow it
 * without a warning.
 */
module org.tomprotocol.store.sqlite {
    requires org.tomprotocol.spi;
    requires org.xerial.sqlitejdbc;

    provides org.tomprotocol.spi.store.StoreProvider with org.tomprotocol.store.sqlite.SqliteStoreProvider;
}
