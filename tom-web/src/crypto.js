// The tom-v1 crypto suite (docs/wire-spec.md §1, §6, §7) on the audited @noble libraries: Ed25519 identities with the
// strict verification rule of the Java node (cofactorless, canonical keys, no small-order key or R), and the
// X25519 + HKDF-SHA256 + XChaCha20-Poly1305 seal of a chat to its recipient.
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { bytesToNumberLE, equalBytes } from '@noble/curves/utils.js';

const Point = ed25519.Point;
/** The order of the Ed25519 base point. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const E2E_INFO = new TextEncoder().encode('tom-protocol-e2e-xchacha20poly1305-v1');

export class CryptoError extends Error {}

/** An identity from its 32-byte Ed25519 seed: the node id is the public key, as 64 lowercase hex characters. */
export function identityFromSeed(seed) {
  const publicKey = ed25519.getPublicKey(seed);
  return Object.freeze({ seed: Uint8Array.from(seed), publicKey, nodeId: bytesToHex(publicKey) });
}

/** A fresh identity. */
export function generateIdentity() {
  return identityFromSeed(randomBytes(32));
}

/** RFC 8032 Ed25519 signature by `identity` (deterministic). */
export function sign(identity, message) {
  return ed25519.sign(message, identity.seed);
}

/** Whether `nodeId` names a usable key: canonical y, on the curve, not of small order (§1). */
export function isValidNodeId(nodeId) {
  return decodePoint(typeof nodeId === 'string' ? hexOrNull(nodeId) : nodeId) !== null;
}

function hexOrNull(text) {
  return /^[0-9a-f]{64}$/.test(text) ? hexToBytes(text) : null;
}

function decodePoint(bytes) {
  if (bytes === null || bytes.length !== 32) {
    return null;
  }
  try {
    const point = Point.fromBytes(bytes, false);
    return point.isSmallOrder() ? null : point;
  } catch {
    return null;
  }
}

/**
 * The strict check of §7: a 64-byte `R ‖ S` with S < L and R not of small order, a valid signer key, and the
 * cofactorless equation — the encoding of [S]B − [k]A equal to R byte for byte.
 */
export function verifyStrict(nodeId, message, signature) {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    return false;
  }
  const publicKey = hexOrNull(nodeId);
  const signer = decodePoint(publicKey);
  if (signer === null) {
    return false;
  }
  const r = signature.subarray(0, 32);
  try {
    if (Point.fromBytes(r, false).isSmallOrder()) {
      return false;
    }
  } catch {
    return false; // not a canonical point encoding: [S]B − [k]A never encodes to it
  }
  const s = bytesToNumberLE(signature.subarray(32));
  if (s >= L) {
    return false;
  }
  const k = bytesToNumberLE(sha512(concatBytes(r, publicKey, message))) % L;
  const expected = Point.BASE.multiplyUnsafe(s).subtract(signer.multiplyUnsafe(k)).toBytes();
  return equalBytes(expected, r);
}

/** Seals `plaintext` to `recipient` (a node id) with fresh randomness (§6). */
export function seal(recipient, plaintext) {
  return sealWith(recipient, plaintext, randomBytes(32), randomBytes(24));
}

/** {@link seal} with the ephemeral secret and the nonce given, as the wire vectors fix them. */
export function sealWith(recipient, plaintext, ephemeralSecret, nonce) {
  const recipientKey = hexOrNull(recipient);
  if (decodePoint(recipientKey) === null) {
    throw new CryptoError('the recipient is not a valid node id');
  }
  const shared = agree(ephemeralSecret, ed25519.utils.toMontgomery(recipientKey));
  return sealShared(shared, plaintext, nonce, x25519.getPublicKey(ephemeralSecret));
}

/** Opens a payload sealed to `identity`; every failure is the same CryptoError. */
export function open(identity, sealed) {
  let shared;
  try {
    shared = agree(ed25519.utils.toMontgomerySecret(identity.seed), sealed.ephemeralPublicKey);
  } catch {
    throw new CryptoError('decryption failed');
  }
  return openShared(shared, sealed);
}

function agree(secret, publicKey) {
  try {
    return x25519.getSharedSecret(secret, publicKey);
  } catch {
    throw new CryptoError('X25519 agreement refused');
  }
}

function key(shared) {
  return hkdf(sha256, shared, undefined, E2E_INFO, 32);
}

/**
 * The AEAD step of the seal on an X25519 secret agreed elsewhere (the WebCrypto path of fast-crypto.js): refuses the
 * all-zero secret, derives the key, seals or opens.
 */
export function sealShared(shared, plaintext, nonce, ephemeralPublicKey) {
  if (shared.every((b) => b === 0)) {
    throw new CryptoError('X25519 agreement gave the all-zero secret');
  }
  return { ciphertext: xchacha20poly1305(key(shared), nonce).encrypt(plaintext), nonce: Uint8Array.from(nonce),
    ephemeralPublicKey };
}

export function openShared(shared, sealed) {
  try {
    if (shared.every((b) => b === 0)) {
      throw new CryptoError('all-zero secret');
    }
    return xchacha20poly1305(key(shared), sealed.nonce).decrypt(sealed.ciphertext);
  } catch {
    throw new CryptoError('decryption failed');
  }
}

/** The point of a node id if it is a usable key (§1), else null; for the WebCrypto path's checks. */
export function signerPoint(nodeId) {
  return decodePoint(hexOrNull(nodeId));
}

/** The X25519 secret of an identity (the clamped half of SHA-512 of its seed). */
export function x25519Secret(identity) {
  return ed25519.utils.toMontgomerySecret(identity.seed);
}

/** The X25519 public key of a node id (its Edwards point, in Montgomery form). */
export function x25519PublicOf(nodeId) {
  return ed25519.utils.toMontgomery(hexToBytes(nodeId));
}

/** The canonical encodings of the 8 points of small order: no strict signature has one as R. */
export const SMALL_ORDER_ENCODINGS = Object.freeze((() => {
  // a point of order 8; its multiples are the whole torsion subgroup
  const order8 = Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
  const points = [];
  let current = Point.ZERO;
  for (let i = 0; i < 8; i++) {
    points.push(bytesToHex(current.toBytes()));
    current = current.add(order8);
  }
  return points;
})());

/** Whether 32 bytes are S < L, the scalar half of a strict signature. */
export function isReducedScalar(bytes) {
  return bytesToNumberLE(bytes) < L;
}

/**
 * A fresh version-4 UUID, as message ids are: from getRandomValues, which (unlike randomUUID) a page served over
 * plain HTTP from a LAN address also has.
 */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
