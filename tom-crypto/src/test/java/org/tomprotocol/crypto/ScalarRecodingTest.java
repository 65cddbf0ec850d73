package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScalarRecodingTest {

    @Test
    void digitsAreOddBoundedAndSumToTheScalar() {
        SplittableRandom random = new SplittableRandom(3);
        for (int width : new int[] {5, 8}) {
            for (int i = 0; i < 300; i++) {
                byte[] wide = new byte[64];
                random.nextBytes(wide);
                BigInteger scalar = i == 0 ? ReferenceEd25519.L.subtract(BigInteger.ONE)
                        : ReferenceEd25519.fromLittleEndian(wide).mod(ReferenceEd25519.L);
                byte[] digits = ScalarRecoding.signedWindow(ReferenceEd25519.toLittleEndian(scalar), width);

                BigInteger sum = BigInteger.ZERO;
                for (int bit = 0; bit < digits.length; bit++) {
                    int d = digits[bit];
                    if (d != 0) {
                        assertThat(d % 2).as("digit %d is odd", d).isNotZero();
                        assertThat(Math.abs(d)).isLessThan(1 << (width - 1));
                    }
                    sum = sum.add(BigInteger.valueOf(d).shiftLeft(bit));
                }
                assertThat(sum).isEqualTo(scalar);
            }
        }
    }
}
