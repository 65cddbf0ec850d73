package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's errors as the store's callers can act on them: an {@link IOException} naming the file and the fix. */
final class SqliteFailures {
    private static final int PRIMARY_CODE_MASK = 0xff;

    private SqliteFailures() {
    }

    /** {@code failure}, met while {@code doing} something with {@code file}, as an {@link IOException}. */
    static IOException of(Path file, String doing, SQLException failure) {
        int code = failure instanceof SQLiteException sqlite ? sqlite.getResultCode().code & PRIMARY_CODE_MASK
                : failure.getErrorCode() & PRIMARY_CODE_MASK;
        String what = "store file " + file + ": " + doing + " failed: " + failure.getMessage();
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new StoreFileException(what + ": the file is damaged; it was left untouched: stop the node"
                    + " and restore the file from a backup, or move it away to start an empty store (what it"
                    + " held is then lost)", failure);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreFileException(what + ": the store is open in another node or process; stop it, or"
                    + " give this node another data directory", failure);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return new IOException(what + ": the disk is full; free some space", failure);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_PERM.code
                || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new IOException(what + ": check that this user may read and write the file and its directory",
                    failure);
        }
        return new IOException(what, failure);
    }
}
