package org.tomprotocol.core.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.tomprotocol.api.NodeId;

/**
 * Reads hostile bytes strictly: every length is checked against what is left before anything is allocated,
 * only the canonical (most compact, Gen-2) encoding of each value is accepted, and every failure is a
 * {@link WireException}. Canonical-only input means a decoded value re-encodes to the very bytes that were
 * signed. Byte arrays are read in one {@link WireProfile} at a time: the other profile's form is refused. Not
 * thread-safe.
 */
final class MsgpackReader {
    private final byte[] input;
    private final MessageUnpacker unpacker;

    private WireProfile profile = WireProfile.REFERENCE;

    MsgpackReader(byte[] input) {
        this(input, 0, input.length);
    }

    MsgpackReader(byte[] input, WireProfile profile) {
        this(input, 0, input.length);
        this.profile = profile;
    }

    MsgpackReader(byte[] input, int offset, int length) {
        this.input = input;
        this.unpacker = MessagePack.newDefaultUnpacker(input, offset, length);
        this.base = offset;
        this.end = offset + length;
    }

    private final int base;
    private final int end;

    /** Absolute position in the input array. */
    int position() {
        return base + (int) unpacker.getTotalReadBytes();
    }

    private int remaining() {
        return end - position();
    }

    private MessageFormat next() throws WireException {
        try {
            if (!unpacker.hasNext()) {
                throw new WireException("malformed", "unexpected end of input");
            }
            return unpacker.getNextFormat();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", e.getMessage());
        }
    }

    /** An array header with exactly {@code expected} elements. */
    void expectArray(int expected, String what) throws WireException {
        int size = arrayHeader(expected, what);
        if (size != expected) {
            throw new WireException("malformed", what + " has " + size + " fields, expected " + expected);
        }
    }

    /** An array header of at most {@code max} elements. */
    int arrayHeader(int max, String what) throws WireException {
        MessageFormat format = next();
        int size;
        try {
            if (format != MessageFormat.FIXARRAY && format != MessageFormat.ARRAY16 && format != MessageFormat.ARRAY32) {
                throw new WireException("malformed", what + " is " + format + ", expected an array");
            }
            size = unpacker.unpackArrayHeader();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        boolean canonical = switch (format) {
            case FIXARRAY -> true;
            case ARRAY16 -> size >= 16;
            default -> size >= 65536;
        };
        if (!canonical || size < 0) {
            throw new WireException("non-canonical", what + " array header is not the most compact form");
        }
        if (size > max) {
            throw new WireException("too-large", what + " has " + size + " elements, at most " + max + " allowed");
        }
        if (size > remaining()) {
            throw new WireException("malformed", what + " announces " + size + " elements but the input ends first");
        }
        return size;
    }

    String string(int maxBytes, String what) throws WireException {
        MessageFormat format = next();
        int length;
        try {
            if (format != MessageFormat.FIXSTR && format != MessageFormat.STR8 && format != MessageFormat.STR16
                    && format != MessageFormat.STR32) {
                throw new WireException("malformed", what + " is " + format + ", expected a string");
            }
            length = unpacker.unpackRawStringHeader();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        boolean canonical = switch (format) {
            case FIXSTR -> true;
            case STR8 -> length >= 32;
            case STR16 -> length >= 256;
            default -> length >= 65536;
        };
        if (!canonical || length < 0) {
            throw new WireException("non-canonical", what + " string header is not the most compact form");
        }
        if (length > maxBytes) {
            throw new WireException("too-large", what + " is " + length + " bytes, at most " + maxBytes + " allowed");
        }
        if (length > remaining()) {
            throw new WireException("malformed", what + " announces " + length + " bytes but the input ends first");
        }
        int start = position();
        try {
            unpacker.readPayloadAsReference(length);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new WireException("malformed", what + " is not valid UTF-8");
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
    }

    NodeId nodeId(String what) throws WireException {
        String hex = string(2 * NodeId.LENGTH, what);
        if (hex.length() != 2 * NodeId.LENGTH || !isLowerHex(hex)) {
            throw new WireException("bad-node-id", what + " is not 64 lowercase hex characters");
        }
        return NodeId.parse(hex);
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    List<NodeId> nodeIds(int max, String what) throws WireException {
        int size = arrayHeader(max, what);
        List<NodeId> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(nodeId(what + "[" + i + "]"));
        }
        return ids;
    }

    /** An unsigned integer in its most compact form, at most {@code max}. */
    long unsigned(long max, String what) throws WireException {
        MessageFormat format = next();
        long value;
        try {
            value = switch (format) {
                case POSFIXINT, UINT8, UINT16, UINT32, UINT64 -> unpacker.unpackLong();
                default -> throw new WireException("malformed", what + " is " + format + ", expected an unsigned integer");
            };
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        boolean canonical = switch (format) {
            case POSFIXINT -> true;
            case UINT8 -> value >= 128;
            case UINT16 -> value >= 256;
            case UINT32 -> value >= 65536;
            default -> value >= (1L << 32);
        };
        if (!canonical) {
            throw new WireException("non-canonical", what + " is not in its most compact form");
        }
        if (value < 0 || value > max) {
            throw new WireException("out-of-range", what + " is out of range");
        }
        return value;
    }

    boolean bool(String what) throws WireException {
        MessageFormat format = next();
        if (format != MessageFormat.BOOLEAN) {
            throw new WireException("malformed", what + " is " + format + ", expected a boolean");
        }
        try {
            return unpacker.unpackBoolean();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
    }

    /** Consumes a nil if one is next; returns whether it did. */
    boolean tryNil() throws WireException {
        if (next() != MessageFormat.NIL) {
            return false;
        }
        try {
            unpacker.unpackNil();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", e.getMessage());
        }
        return true;
    }

    /** Which profile the next byte array is in, judged from its header (wire spec §13). */
    WireProfile peekByteArrayProfile() throws WireException {
        MessageFormat format = next();
        return format == MessageFormat.BIN8 || format == MessageFormat.BIN16 || format == MessageFormat.BIN32
                ? WireProfile.COMPACT : WireProfile.REFERENCE;
    }

    /** Reads byte arrays from here on in {@code newProfile}. */
    void profile(WireProfile newProfile) {
        this.profile = newProfile;
    }

    /**
     * A byte array in the reader's profile: an array of small integers, each canonical, or a {@code bin} with the
     * smallest header that fits.
     */
    byte[] bytes(int maxLength, String what) throws WireException {
        if (profile == WireProfile.COMPACT) {
            return binary(maxLength, what);
        }
        int count = arrayHeader(maxLength, what);
        byte[] out = new byte[count];
        int start = position();
        int cursor = ByteElements.decode(input, start, end, out);
        if (cursor < 0) {
            cursor = decodeElementsCarefully(start, out, what);
        }
        try {
            if (cursor > start) {
                unpacker.readPayloadAsReference(cursor - start);
            }
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        return out;
    }

    private byte[] binary(int maxLength, String what) throws WireException {
        MessageFormat format = next();
        int length;
        try {
            if (format != MessageFormat.BIN8 && format != MessageFormat.BIN16 && format != MessageFormat.BIN32) {
                throw new WireException("malformed", what + " is " + format + ", expected bin (compact profile)");
            }
            length = unpacker.unpackBinaryHeader();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        boolean canonical = switch (format) {
            case BIN8 -> true;
            case BIN16 -> length >= 256;
            default -> length >= 65536;
        };
        if (!canonical || length < 0) {
            throw new WireException("non-canonical", what + " bin header is not the most compact form");
        }
        if (length > maxLength) {
            throw new WireException("too-large", what + " is " + length + " bytes, at most " + maxLength + " allowed");
        }
        if (length > remaining()) {
            throw new WireException("malformed", what + " announces " + length + " bytes but the input ends first");
        }
        int start = position();
        try {
            unpacker.readPayloadAsReference(length);
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        return java.util.Arrays.copyOfRange(input, start, start + length);
    }

    /**
     * The slow path of {@link #bytes}, taken only for input the fast decoder refused: element by element, so
     * the exception names the first bad one. Returns the position after the last element.
     */
    private int decodeElementsCarefully(int start, byte[] out, String what) throws WireException {
        int cursor = start;
        for (int i = 0; i < out.length; i++) {
            if (cursor >= end) {
                throw new WireException("malformed", what + " is truncated");
            }
            byte b = input[cursor];
            if (b >= 0) {
                out[i] = b;
                cursor++;
            } else if (b == (byte) 0xcc && cursor + 1 < end && input[cursor + 1] < 0) {
                out[i] = input[cursor + 1];
                cursor += 2;
            } else {
                throw new WireException(b == (byte) 0xcc ? "non-canonical" : "malformed",
                        what + "[" + i + "] is not a canonical byte value");
            }
        }
        return cursor;
    }

    /**
     * One whole value of any type, returned as its encoded bytes (at most {@code maxBytes}), for a structure carried
     * verbatim inside another: the caller decodes it strictly on its own.
     */
    byte[] rawValue(int maxBytes, String what) throws WireException {
        int start = position();
        next();
        try {
            unpacker.skipValue();
        } catch (IOException | MessagePackException e) {
            throw new WireException("malformed", what + ": " + e.getMessage());
        }
        if (position() - start > maxBytes) {
            throw new WireException("too-large", what + " is " + (position() - start) + " bytes, at most " + maxBytes
                    + " allowed");
        }
        return java.util.Arrays.copyOfRange(input, start, position());
    }

    /** A byte array of exactly {@code length} bytes. */
    byte[] fixedBytes(int length, String what) throws WireException {
        byte[] value = bytes(length, what);
        if (value.length != length) {
            throw new WireException("malformed", what + " has " + value.length + " bytes, expected " + length);
        }
        return value;
    }

    void expectEnd(String what) throws WireException {
        if (position() != end) {
            throw new WireException("trailing-bytes", (end - position()) + " bytes after the " + what);
        }
    }
}
