package org.tomprotocol.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.tomprotocol.api.NodeId;

/**
 * Writes values the way Gen-2's rmp-serde does: positional arrays, strings and unsigned integers in their
 * most compact form, byte arrays as arrays of small integers (never {@code bin}). Not thread-safe.
 */
final class MsgpackWriter {
    private static final MessagePack.PackerConfig CONFIG = new MessagePack.PackerConfig().withStr8FormatSupport(true);

    private final MessageBufferPacker packer;
    private byte[] scratch = new byte[256];

    MsgpackWriter() {
        this.packer = CONFIG.newBufferPacker();
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

    /** A byte array as Gen-2 writes {@code Vec<u8>}: an array header, then 1 byte per value below 128 and 2 above. */
    MsgpackWriter bytes(byte[] value) {
        arrayHeader(value.length);
        int needed = 2 * value.length;
        if (scratch.length < needed) {
            scratch = new byte[needed];
        }
        int length = writeByteElements(value, scratch, 0);
        try {
            packer.writePayload(scratch, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Bytes written so far. */
    int size() {
        return (int) packer.getTotalWrittenBytes();
    }

    /** Writes the elements of a byte array (no header) into {@code target} at {@code offset}; returns the length. */
    static int writeByteElements(byte[] value, byte[] target, int offset) {
        int position = offset;
        for (byte b : value) {
            if (b >= 0) {
                target[position++] = b;
            } else {
                target[position++] = (byte) 0xcc;
                target[position++] = b;
            }
        }
        return position - offset;
    }

    /** Encoded length of the elements of {@code value} (header excluded). */
    static int byteElementsLength(byte[] value) {
        int length = value.length;
        for (byte b : value) {
            if (b < 0) {
                length++;
            }
        }
        return length;
    }

    byte[] toByteArray() {
        return packer.toByteArray();
    }
}
