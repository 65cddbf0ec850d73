package org.tomprotocol.crypto.sodium;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libsodium functions tom-v1 needs, called through the foreign function API. Every call is short and never calls
 * back into Java, so each is linked as a critical function with heap access: byte arrays are passed in place, with no
 * copy and no native allocation. Outputs are written into arrays the caller sized; sizes are checked by the callers
 * (libsodium reads and writes exactly its constant lengths).
 */
final class Libsodium {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemorySegment NULL = MemorySegment.NULL;

    private final Downcall init;
    private final Downcall randomBytes;
    private final Downcall signSeedKeypair;
    private final Downcall signDetached;
    private final Downcall verifyDetached;
    private final Downcall publicKeyToCurve25519;
    private final Downcall secretKeyToCurve25519;
    private final Downcall scalarMultBase;
    private final Downcall scalarMult;
    private final Downcall hmacSha256;
    private final Downcall aeadEncrypt;
    private final Downcall aeadDecrypt;

    /**
     * The functions of the library {@code lookup} finds; throws if one is missing. Each is linked on its first call:
     * a downcall stub costs milliseconds to generate, and a node's start needs only a few of them.
     */
    Libsodium(SymbolLookup lookup) {
        init = link(lookup, "sodium_init", FunctionDescriptor.of(JAVA_INT));
        randomBytes = link(lookup, "randombytes_buf", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
        signSeedKeypair = link(lookup, "crypto_sign_seed_keypair",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        signDetached = link(lookup, "crypto_sign_detached",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        verifyDetached = link(lookup, "crypto_sign_verify_detached",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        publicKeyToCurve25519 = link(lookup, "crypto_sign_ed25519_pk_to_curve25519",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        secretKeyToCurve25519 = link(lookup, "crypto_sign_ed25519_sk_to_curve25519",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        scalarMultBase = link(lookup, "crypto_scalarmult_base", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        scalarMult = link(lookup, "crypto_scalarmult", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        hmacSha256 = link(lookup, "crypto_auth_hmacsha256",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        aeadEncrypt = link(lookup, "crypto_aead_xchacha20poly1305_ietf_encrypt", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS));
        aeadDecrypt = link(lookup, "crypto_aead_xchacha20poly1305_ietf_decrypt", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
    }

    private static Downcall link(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libsodium has no function " + name));
        return new Downcall(symbol, descriptor);
    }

    /** A function's downcall handle, made on first use (a benign race: two threads may both make it). */
    private static final class Downcall {
        private final MemorySegment symbol;
        private final FunctionDescriptor descriptor;
        private MethodHandle handle;

        Downcall(MemorySegment symbol, FunctionDescriptor descriptor) {
            this.symbol = symbol;
            this.descriptor = descriptor;
        }

        MethodHandle handle() {
            MethodHandle linked = handle;
            if (linked == null) {
                linked = LINKER.downcallHandle(symbol, descriptor, Linker.Option.critical(true));
                handle = linked;
            }
            return linked;
        }
    }

    private static MemorySegment in(byte[] array) {
        return MemorySegment.ofArray(array);
    }

    /** {@code sodium_init()}: 0 the first time, 1 when already done, -1 on failure. */
    int init() {
        try {
            return (int) init.handle().invokeExact();
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    void randomBytes(byte[] out) {
        try {
            randomBytes.handle().invokeExact(in(out), (long) out.length);
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** Ed25519 key pair of a 32-byte seed: public key (32) and libsodium's secret key (64). */
    void signSeedKeypair(byte[] publicKey, byte[] secretKey, byte[] seed) {
        try {
            int ignored = (int) signSeedKeypair.handle().invokeExact(in(publicKey), in(secretKey), in(seed));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    void signDetached(byte[] signature, byte[] message, byte[] secretKey) {
        try {
            int ignored = (int) signDetached.handle().invokeExact(in(signature), NULL, in(message), (long) message.length,
                    in(secretKey));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** 0 if valid (canonical S, neither R nor the key of small order, the equation holds), else -1. */
    int verifyDetached(byte[] signature, byte[] message, byte[] publicKey) {
        try {
            return (int) verifyDetached.handle().invokeExact(in(signature), in(message), (long) message.length, in(publicKey));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    int publicKeyToCurve25519(byte[] montgomery, byte[] edwards) {
        try {
            return (int) publicKeyToCurve25519.handle().invokeExact(in(montgomery), in(edwards));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    int secretKeyToCurve25519(byte[] montgomery, byte[] secretKey) {
        try {
            return (int) secretKeyToCurve25519.handle().invokeExact(in(montgomery), in(secretKey));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    int scalarMultBase(byte[] publicKey, byte[] secret) {
        try {
            return (int) scalarMultBase.handle().invokeExact(in(publicKey), in(secret));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** X25519; -1 when the result is all zeros (a low-order point). */
    int scalarMult(byte[] shared, byte[] secret, byte[] publicKey) {
        try {
            return (int) scalarMult.handle().invokeExact(in(shared), in(secret), in(publicKey));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** HMAC-SHA256 with a 32-byte key. */
    void hmacSha256(byte[] out, byte[] message, byte[] key) {
        try {
            int ignored = (int) hmacSha256.handle().invokeExact(in(out), in(message), (long) message.length, in(key));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** XChaCha20-Poly1305 (IETF) with no associated data; {@code ciphertext} is the plaintext's length + 16. */
    void aeadEncrypt(byte[] ciphertext, byte[] plaintext, byte[] nonce, byte[] key) {
        try {
            int ignored = (int) aeadEncrypt.handle().invokeExact(in(ciphertext), NULL, in(plaintext), (long) plaintext.length,
                    NULL, 0L, NULL, in(nonce), in(key));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    /** 0 if authentic (and {@code plaintext}, the ciphertext's length − 16, is written), else -1. */
    int aeadDecrypt(byte[] plaintext, byte[] ciphertext, byte[] nonce, byte[] key) {
        try {
            return (int) aeadDecrypt.handle().invokeExact(in(plaintext), NULL, NULL, in(ciphertext), (long) ciphertext.length,
                    NULL, 0L, in(nonce), in(key));
        } catch (Throwable e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a libsodium call failed", e);
    }

    /** The arena the library stays loaded in: the process's. */
    static Arena arena() {
        return Arena.global();
    }
}
