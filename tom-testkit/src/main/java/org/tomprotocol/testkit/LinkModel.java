package org.tomprotocol.testkit;

/**
 * How one direction of a link between two nodes behaves. Immutable; build with {@link #builder()}.
 *
 * <p>A frame's one-way delay is {@code latencyMillis} plus a uniform jitter in {@code [0, jitterMillis]}.
 * Frames on a session stay in order (like a QUIC stream) unless picked for reordering: then they get an extra
 * uniform delay in {@code [1, reorderDelayMillis]} and later frames may overtake them. Loss and duplication
 * apply to data frames only; session handshakes and close notices are only delayed (a real transport
 * retransmits them), though partitions and crashes stop them.
 *
 * @param latencyMillis        fixed one-way delay
 * @param jitterMillis         largest random extra delay
 * @param lossProbability      chance a frame is dropped, in [0, 1]
 * @param duplicateProbability chance a frame is delivered twice, in [0, 1]
 * @param reorderProbability   chance a frame is held back so later frames overtake it, in [0, 1]
 * @param reorderDelayMillis   largest hold-back of a reordered frame; at least 1 when reordering is on
 */
public record LinkModel(long latencyMillis, long jitterMillis, double lossProbability,
                        double duplicateProbability, double reorderProbability, long reorderDelayMillis) {
    /** No delay, no loss, no duplication, no reordering: the default. */
    public static final LinkModel PERFECT = new LinkModel(0, 0, 0, 0, 0, 0);

    public LinkModel {
        requireNonNegative(latencyMillis, "latencyMillis");
        requireNonNegative(jitterMillis, "jitterMillis");
        requireNonNegative(reorderDelayMillis, "reorderDelayMillis");
        requireProbability(lossProbability, "lossProbability");
        requireProbability(duplicateProbability, "duplicateProbability");
        requireProbability(reorderProbability, "reorderProbability");
        if (reorderProbability > 0 && reorderDelayMillis < 1) {
            throw new IllegalArgumentException(
                    "reorderDelayMillis must be at least 1 when reorderProbability is above 0");
        }
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static void requireProbability(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }

    /** A builder starting from {@link #PERFECT}. */
    public static Builder builder() {
        return PERFECT.toBuilder();
    }

    /** A builder starting from this model. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A perfect link with a fixed one-way latency. */
    public static LinkModel withLatency(long latencyMillis) {
        return builder().latencyMillis(latencyMillis).build();
    }

    /** Builds a {@link LinkModel}; values are checked by {@link #build()}. */
    public static final class Builder {
        private long latencyMillis;
        private long jitterMillis;
        private double lossProbability;
        private double duplicateProbability;
        private double reorderProbability;
        private long reorderDelayMillis;

        private Builder(LinkModel from) {
            latencyMillis = from.latencyMillis;
            jitterMillis = from.jitterMillis;
            lossProbability = from.lossProbability;
            duplicateProbability = from.duplicateProbability;
            reorderProbability = from.reorderProbability;
            reorderDelayMillis = from.reorderDelayMillis;
        }

        /** Fixed one-way delay. */
        public Builder latencyMillis(long millis) {
            this.latencyMillis = millis;
            return this;
        }

        /** Largest random extra delay. */
        public Builder jitterMillis(long millis) {
            this.jitterMillis = millis;
            return this;
        }

        /** Chance a data frame is dropped. */
        public Builder loss(double probability) {
            this.lossProbability = probability;
            return this;
        }

        /** Chance a data frame is delivered twice. */
        public Builder duplication(double probability) {
            this.duplicateProbability = probability;
            return this;
        }

        /** Chance a data frame is held back by up to {@code maxExtraDelayMillis} so later frames overtake it. */
        public Builder reordering(double probability, long maxExtraDelayMillis) {
            this.reorderProbability = probability;
            this.reorderDelayMillis = maxExtraDelayMillis;
            return this;
        }

        /**
         * The model.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public LinkModel build() {
            return new LinkModel(latencyMillis, jitterMillis, lossProbability, duplicateProbability,
                    reorderProbability, reorderDelayMillis);
        }
    }
}
