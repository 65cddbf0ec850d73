package org.tomprotocol.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.tomprotocol.api.NodeId;

/**
 * Writes values the way Gen-2's rmp-serde does: positional arrays, strings and unsigned integers in their
 * most compact form, byte arrays as arrays of small integers (never {@code bin}) — or, in the
 * {@linkplain WireProfile#COMPACT compact profile}, byte arrays as {@code bin}. Not thread-safe.
 */
final class MsgpackWriter {
    private static final MessagePack.PackerConfig CONFIG = new MessagePack.PackerConfig().withStr8FormatSupport(true);

    private final MessageBufferPacker packer;
    private final WireProfile profile;

    MsgpackWriter() {
        this(WireProfile.REFERENCE);
    }

    MsgpackWriter(WireProfile profile) {
        this.packer = CONFIG.newBufferPacker();
        this.profile = profile;
    }

    MsgpackWriter arrayHeader(int size) {
        try {
            packer.packArrayHeader(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MsgpackWriter string(String value) {
        try {
            packer.packString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MsgpackWriter nodeId(NodeId id) {
        return string(id.toHex());
    }

    MsgpackWriter nodeIds(List<NodeId> ids) {
        arrayHeader(ids.size());
        for (NodeId id : ids) {
            nodeId(id);
        }
        return this;
    }

    MsgpackWriter unsigned(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("unsigned value expected");
        }
        try {
            packer.packLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MsgpackWriter bool(boolean value) {
        try {
            packer.packBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    MsgpackWriter nil() {
        try {
            packer.packNil();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A byte array: as Gen-2 writes {@code Vec<u8>} (an array header, then 1 byte per value below 128 and 2 above),
     * or in the compact profile as {@code bin} (the value handed over by reference, not copied before
     * {@link #toByteArray}).
     */
    MsgpackWriter bytes(byte[] value) {
        if (profile == WireProfile.COMPACT) {
            try {
                packer.packBinaryHeader(value.length);
                packer.addPayload(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
        arrayHeader(value.length);
        // A fresh array handed over by reference (addPayload): a large payload is not copied into the
        // packer's buffer before the final toByteArray.
        byte[] elements = new byte[2 * value.length];
        int length = ByteElements.encode(value, elements, 0);
        try {
            packer.addPayload(elements, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An encoded value written verbatim (a structure carried inside another without a second encoding). */
    MsgpackWriter raw(byte[] encodedValue) {
        try {
            packer.writePayload(encodedValue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Bytes written so far. */
    int size() {
        return (int) packer.getTotalWrittenBytes();
    }

    byte[] toByteArray() {
        return packer.toByteArray();
    }
}
