package org.tomprotocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/** Provides the {@code tom-v1} crypto suite, built on Bouncy Castle. */
public final class TomV1CryptoSuiteProvider implements CryptoSuiteProvider {
    private static final TomV1Suite SUITE = new TomV1Suite();

    /** Called by {@link java.util.ServiceLoader}. */
    public TomV1CryptoSuiteProvider() {
    }

    @Override
    public String id() {
        return TomV1Suite.ID;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        return SelfTest.RESULT;
    }

    @Override
    public CryptoSuite suite() {
        return SUITE;
    }

    @Override
    public String toString() {
        return "CryptoSuiteProvider[" + TomV1Suite.ID + "]";
    }

    /** Runs once: checks that Bouncy Castle's Ed25519 and X25519 load and give RFC answers. */
    private static final class SelfTest {
        static final Availability RESULT = run();

        private static Availability run() {
            try {
                HexFormat hex = HexFormat.of();
                // RFC 8032 section 7.1, test 1.
                byte[] edPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(
                        hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), 0, edPublic, 0);
                // RFC 7748 section 6.1, Alice.
                byte[] xPublic = new byte[X25519.POINT_SIZE];
                X25519.scalarMultBase(
                        hex.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), 0, xPublic, 0);
                boolean ok = Arrays.equals(edPublic,
                        hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
                        && Arrays.equals(xPublic,
                        hex.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
                return ok ? Availability.AVAILABLE
                        : Availability.unavailable("Bouncy Castle Ed25519/X25519 gave wrong answers to RFC vectors");
            } catch (LinkageError | RuntimeException e) {
                return Availability.unavailable("Bouncy Castle Ed25519/X25519 is not usable", e);
            }
        }
    }
}
