package org.tomprotocol.core.registry;

import java.util.List;

import org.tomprotocol.api.OptionSpec;

/** The options the engine itself reads. */
public final class EngineOptions {
    /** Largest frame a transport carries: an envelope's maximum. */
    public static final int DEFAULT_MAX_FRAME_BYTES = org.tomprotocol.core.wire.EnvelopeCodec.MAX_ENVELOPE_BYTES;

    public static final OptionSpec NODE_NAME = new OptionSpec("node.name", OptionSpec.Type.TEXT, "",
            "A display name announced to other nodes (at most 64 bytes of UTF-8).");
    public static final OptionSpec MAX_FRAME_BYTES = new OptionSpec("tom.max-frame-bytes", OptionSpec.Type.BYTES,
            String.valueOf(DEFAULT_MAX_FRAME_BYTES), "Largest frame the transports carry and accept.");

    public static final OptionSpec COMPACT_PROFILE = new OptionSpec("tom.compact-profile", OptionSpec.Type.BOOLEAN,
            "true", "Write messages in the compact wire profile (byte strings as MessagePack bin) to nodes that "
            + "announce they read it; false writes only Gen-2's reference form. Both are always read.");

    /** Every engine option. */
    public static final List<OptionSpec> ALL = List.of(NODE_NAME, MAX_FRAME_BYTES, COMPACT_PROFILE);

    /** Whether {@code options} let the node write the compact profile (the option is validated before). */
    public static boolean writesCompact(java.util.Map<String, String> options) {
        return Boolean.parseBoolean(options.getOrDefault(COMPACT_PROFILE.key(), COMPACT_PROFILE.defaultValue()).strip());
    }

    private EngineOptions() {
    }
}
