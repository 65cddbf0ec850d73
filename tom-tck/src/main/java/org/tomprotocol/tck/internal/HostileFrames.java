package org.tomprotocol.tck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Malformed discovery frames, made without knowing the format: random bytes of many lengths, and truncations,
 * bit flips and extensions of frames the provider itself sent.
 */
public final class HostileFrames {
    private HostileFrames() {
    }

    /** Hostile variants of {@code genuine} frames, the same for the same seed. */
    public static List<byte[]> from(List<byte[]> genuine, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> hostile = new ArrayList<>();
        hostile.add(new byte[0]);
        for (int i = 0; i < 32; i++) {
            byte[] noise = new byte[1 + random.nextInt(i < 28 ? 64 : 4096)];
            random.nextBytes(noise);
            hostile.add(noise);
        }
        for (byte[] frame : genuine.stream().limit(12).toList()) {
            if (frame.length == 0) {
                continue;
            }
            hostile.add(Arrays.copyOf(frame, frame.length - 1));
            hostile.add(Arrays.copyOf(frame, frame.length / 2));
            hostile.add(Arrays.copyOf(frame, 1));
            hostile.add(Arrays.copyOf(frame, frame.length + 1 + random.nextInt(16)));
            for (int flip = 0; flip < 4; flip++) {
                byte[] flipped = frame.clone();
                flipped[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                hostile.add(flipped);
            }
        }
        return hostile;
    }
}
