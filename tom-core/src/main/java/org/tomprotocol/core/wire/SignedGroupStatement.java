package org.tomprotocol.core.wire;

import java.util.Objects;

import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/** A group statement with its author's signature: {@code [statement, signature]} on the wire. */
public record SignedGroupStatement(GroupStatement statement, byte[] signature) {
    /** The largest statement form read (a post of 16 KiB in the reference profile's integer arrays fits). */
    public static final int MAX_STATEMENT_BYTES = 64 * 1024;

    public SignedGroupStatement {
        Objects.requireNonNull(statement, "statement");
        if (signature.length != GroupStatement.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature is " + GroupStatement.SIGNATURE_BYTES + " bytes");
        }
        signature = signature.clone();
    }

    /** {@code statement} signed by {@code author}, who must be its author. */
    public static SignedGroupStatement sign(GroupStatement statement, LocalIdentity author) {
        if (!author.id().equals(statement.author())) {
            throw new IllegalArgumentException("a " + statement.kind() + " is signed by its author, "
                    + statement.author().shortForm() + ", not " + author.id().shortForm());
        }
        return new SignedGroupStatement(statement, author.sign(statement.signingBytes()));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the signature is its author's over this very statement (strictly, as every envelope's). */
    public boolean isAuthentic(CryptoSuite crypto) {
        return crypto.verify(statement.author(), statement.signingBytes(), signature);
    }

    /**
     * How the hub tells this statement from others of its author: a post's own id, else the first 16 bytes of the
     * signature in hex — the same for every resend of the statement (Ed25519 signs deterministically), so a resend
     * keeps its first place.
     */
    public org.tomprotocol.api.MessageId itemId() {
        if (statement instanceof GroupStatement.Post post) {
            return post.id();
        }
        return new org.tomprotocol.api.MessageId("s-" + java.util.HexFormat.of().formatHex(signature, 0, 16));
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(2).raw(statement.encode()).bytes(signature).toByteArray();
    }

    /** A signed statement from its wire form; malformed or non-canonical input is refused. */
    public static SignedGroupStatement decode(byte[] wire) throws WireException {
        MsgpackReader reader = new MsgpackReader(wire);
        reader.expectArray(2, "signed group statement");
        byte[] form = reader.rawValue(MAX_STATEMENT_BYTES, "group statement");
        byte[] signature = reader.bytes(GroupStatement.SIGNATURE_BYTES, "signature");
        reader.expectEnd("signed group statement");
        if (signature.length != GroupStatement.SIGNATURE_BYTES) {
            throw new WireException("malformed", "a signature is " + GroupStatement.SIGNATURE_BYTES + " bytes");
        }
        SignedGroupStatement signed = new SignedGroupStatement(GroupStatementReader.decode(form), signature);
        if (!java.util.Arrays.equals(signed.encode(), wire)) {
            throw new WireException("non-canonical", "signed group statement not in its canonical form");
        }
        return signed;
    }
}
