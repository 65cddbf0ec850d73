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

    public static final OptionSpec ADMISSION_BUDGET = new OptionSpec("tom.admission-budget", OptionSpec.Type.INTEGER,
            "10", "Messages a second (at least 1) an origin this node knows nothing good of may send to or through it "
            + "free; one that proved work for it gets up to five times that. Past its budget an origin's messages are "
            + "delayed, then need proof-of-work stamps (lock 5, docs/roles.md). Raise it for nodes that trust "
            + "each other and send more than chat.");

    public static final OptionSpec MAX_STAMP_BITS = new OptionSpec("tom.max-stamp-bits", OptionSpec.Type.INTEGER,
            "20", "The hardest proof-of-work stamp (0 to 28 bits) this node mints for one of its messages when a node "
            + "on the path asks for one: 20 bits is about a million hashes, a second of one core. Asked for more, it "
            + "sends later, once its rate and the price have fallen; 0 never mints.");

    /** Every engine option. */
    public static final List<OptionSpec> ALL = List.of(NODE_NAME, MAX_FRAME_BYTES, COMPACT_PROFILE,
            GROUP_POST_COPIES, ADMISSION_BUDGET, MAX_STAMP_BITS);

    /** Whether {@code options} let the node write the compact profile (the option is validated before). */
    public static boolean writesCompact(java.util.Map<String, String> options) {
        return isOn(options, COMPACT_PROFILE);
    }

    /** Whether {@code options} have the node send copies of its group posts (the option is validated before). */
    public static boolean sendsPostCopies(java.util.Map<String, String> options) {
        return isOn(options, GROUP_POST_COPIES);
    }

    /** The base admission budget, in messages a second. */
    public static int admissionBudget(java.util.Map<String, String> options) {
        return wholeNumber(options, ADMISSION_BUDGET, 1, 1_000_000, "messages a second");
    }

    /** The hardest stamp this node mints, in bits. */
    public static int maxStampBits(java.util.Map<String, String> options) {
        return wholeNumber(options, MAX_STAMP_BITS, 0, 28, "bits");
    }

    /** A whole-number option (its form checked before, by {@link OptionCheck}), within {@code [min, max]}. */
    private static int wholeNumber(java.util.Map<String, String> options, OptionSpec option, int min, int max,
                                   String unit) {
        String value = options.getOrDefault(option.key(), option.defaultValue()).strip();
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new org.tomprotocol.api.ConfigurationException(option.key() + " is " + value + ": it must be between "
                    + min + " and " + max + " " + unit);
        }
        return (int) number;
    }

    private static boolean isOn(java.util.Map<String, String> options, OptionSpec option) {
        return Boolean.parseBoolean(options.getOrDefault(option.key(), option.defaultValue()).strip());
    }

    private EngineOptions() {
    }
}
