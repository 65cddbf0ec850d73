package org.tomprotocol.lab.bench;

import java.util.Random;

import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The tom-v1 work one message and its acknowledgement cost, measured on one thread: seal + sign at the
 * sender, verify + open at the recipient, sign the acknowledgement, verify it at the sender. Signed sizes
 * follow the envelope encoding: in the reference profile byte arrays are integer arrays (about 2.5 bytes signed per
 * ciphertext byte), in the compact profile {@code bin} (one byte each).
 */
final class CryptoCost {
    /** Per-operation mean cost in microseconds. */
    record Result(double sealSign, double verifyOpen, double ackSign, double ackVerify) {
        double total() {
            return sealSign + verifyOpen + ackSign + ackVerify;
        }
    }

    private static final int ACK_SIGNED_BYTES = 260;

    static Result measure(CryptoSuite suite, int payloadBytes, int iterations, boolean compact)
            throws CryptoException {
        LocalIdentity sender = suite.generateIdentity();
        LocalIdentity recipient = suite.generateIdentity();
        byte[] payload = new byte[payloadBytes];
        new Random(1).nextBytes(payload);
        int signedBytes = compact ? payloadBytes + 72 + 230 : (int) ((payloadBytes + 72) * 2.5) + 220;
        byte[] envelope = new byte[signedBytes];
        byte[] ack = new byte[ACK_SIGNED_BYTES];
        long sealSign = 0;
        long verifyOpen = 0;
        long ackSign = 0;
        long ackVerify = 0;
        for (int warm = 0; warm < 2; warm++) {
            sealSign = verifyOpen = ackSign = ackVerify = 0;
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                SealedPayload sealed = suite.seal(recipient.id(), payload);
                envelope[i % envelope.length] ^= sealed.nonce()[0];
                byte[] signature = sender.sign(envelope);
                long t1 = System.nanoTime();
                if (!suite.verify(sender.id(), envelope, signature)) {
                    throw new IllegalStateException("signature did not verify");
                }
                suite.open(recipient, sealed);
                long t2 = System.nanoTime();
                byte[] ackSignature = recipient.sign(ack);
                long t3 = System.nanoTime();
                if (!suite.verify(recipient.id(), ack, ackSignature)) {
                    throw new IllegalStateException("acknowledgement did not verify");
                }
                long t4 = System.nanoTime();
                sealSign += t1 - t0;
                verifyOpen += t2 - t1;
                ackSign += t3 - t2;
                ackVerify += t4 - t3;
            }
        }
        double n = iterations * 1_000.0;
        return new Result(sealSign / n, verifyOpen / n, ackSign / n, ackVerify / n);
    }

    private CryptoCost() {
    }
}
