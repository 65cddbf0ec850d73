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

    public static final OptionSpec GROUP_POST_COPIES = new OptionSpec("groups.post-copies", OptionSpec.Type.BOOLEAN,
            "true", "Send this node's group posts straight to the other members as well as to the hub (groups of at "
            + "most 64): one link sooner; false leaves the fan-out to the hub alone, so a member being removed never "
            + "gets a post ordered after its removal, even one sent before its author learned of it.");

    /** Every engine option. */
    public static final List<OptionSpec> ALL = List.of(NODE_NAME, MAX_FRAME_BYTES, COMPACT_PROFILE,
            GROUP_POST_COPIES);

    /** Whether {@code options} let the node write the compact profile (the option is validated before). */
    public static boolean writesCompact(java.util.Map<String, String> options) {
        return isOn(options, COMPACT_PROFILE);
    }

    /** Whether {@code options} have the node send copies of its group posts (the option is validated before). */
    public static boolean sendsPostCopies(java.util.Map<String, String> options) {
        return isOn(options, GROUP_POST_COPIES);
    }

    private static boolean isOn(java.util.Map<String, String> options, OptionSpec option) {
        return Boolean.parseBoolean(options.getOrDefault(option.key(), option.defaultValue()).strip());
    }

    private EngineOptions() {
    }
}
