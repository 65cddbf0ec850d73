package org.tomprotocol.crypto.sodium;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/**
 * Provides {@code tom-v1} on libsodium, above the Bouncy Castle provider it accelerates (priority 150 against
 * 100): a node takes it whenever libsodium loads and the base suite is there, and the base suite otherwise.
 */
public final class SodiumCryptoSuiteProvider implements CryptoSuiteProvider {
    /** The provider id; the suite it provides is {@code tom-v1}. */
    public static final String ID = "tom-v1-sodium";

    /** Called by {@link java.util.ServiceLoader}. */
    public SodiumCryptoSuiteProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 150;
    }

    @Override
    public Availability availability() {
        return Ready.STATE.availability;
    }

    /**
     * The suite.
     *
     * @throws IllegalStateException if the provider is not available (its {@link #availability()} says why)
     */
    @Override
    public CryptoSuite suite() {
        if (Ready.STATE.suite == null) {
            throw new IllegalStateException("the " + ID + " crypto suite is not available: "
                    + Ready.STATE.availability.reason());
        }
        return Ready.STATE.suite;
    }

    @Override
    public String toString() {
        return "CryptoSuiteProvider[" + ID + "]";
    }

    /** Loads libsodium, finds the base suite and checks an RFC 8032 vector, once. */
    private static final class Ready {
        static final Ready STATE = new Ready();

        final Availability availability;
        final CryptoSuite suite;

        private Ready() {
            BundledLibrary.Loaded loaded = BundledLibrary.get();
            Optional<CryptoSuite> base = loaded.library() == null ? Optional.empty() : BaseSuite.find();
            if (loaded.library() == null) {
                availability = Availability.unavailable(loaded.problem());
                suite = null;
            } else if (base.isEmpty()) {
                availability = Availability.unavailable("it accelerates the Bouncy Castle " + BaseSuite.SUITE_ID
                        + " suite, which is missing: put tom-crypto (org.tomprotocol.crypto) beside it");
                suite = null;
            } else if (!givesRfcAnswers(loaded.library())) {
                availability = Availability.unavailable("libsodium gave a wrong answer to an RFC 8032 vector");
                suite = null;
            } else {
                availability = Availability.AVAILABLE;
                suite = new SodiumSuite(base.get(), loaded.library());
            }
        }

        /** RFC 8032 section 7.1, test 2: public key and signature of a one-byte message. */
        private static boolean givesRfcAnswers(Libsodium sodium) {
            try {
                HexFormat hex = HexFormat.of();
                byte[] publicKey = new byte[32];
                byte[] secretKey = new byte[64];
                sodium.signSeedKeypair(publicKey, secretKey,
                        hex.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
                byte[] signature = new byte[64];
                sodium.signDetached(signature, new byte[] {0x72}, secretKey);
                Arrays.fill(secretKey, (byte) 0);
                return Arrays.equals(publicKey,
                        hex.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"))
                        && Arrays.equals(signature, hex.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb37"
                        + "62223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))
                        && sodium.verifyDetached(signature, new byte[] {0x72}, publicKey) == 0;
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }
}
