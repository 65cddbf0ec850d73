// The tom-v1 envelope (docs/wire-spec.md §3, §5, §13) in both wire profiles: decoding hostile bytes strictly, and
// writing exactly the bytes the Java node writes. Every refusal is a WireError with the reason the Java node counts.
import { decode } from '@msgpack/msgpack';
import { equalBytes } from '@noble/curves/utils.js';

import { Bytes, CanonicalWriter } from './msgpack.js';

export const MAX_ENVELOPE_BYTES = 256 * 1024;
export const SIGNATURE_LENGTH = 64;
const MAX_ID_BYTES = 64;
const MAX_DECODED_RELAYS = 16;
const MAX_TIMESTAMP = (1n << 63n) - 1n;
const MAX_TTL = 2 ** 31 - 1;

/** Gen-2's 36 variants, in order, then Rendezvous, Signal, GroupPostCopy and Price (§5). */
export const MESSAGE_TYPES = Object.freeze([
  'Chat', 'Ack', 'ReadReceipt', 'Heartbeat',
  'GroupCreate', 'GroupCreated', 'GroupInvite', 'GroupJoin', 'GroupSync', 'GroupMessage', 'GroupLeave',
  'GroupMemberJoined', 'GroupMemberLeft', 'GroupHubMigration', 'GroupDeliveryAck', 'GroupHubHeartbeat',
  'GroupSenderKeyDistribution', 'GroupHubPing', 'GroupHubPong', 'GroupHubShadowSync', 'GroupCandidateAssigned',
  'GroupHubUnreachable', 'GroupKickMember', 'GroupUpdateMemberRole', 'GroupMemberRoleChanged', 'GroupInviteMember',
  'GroupSyncRequest', 'GroupSyncResponse',
  'BackupStore', 'BackupDeliver', 'BackupReplicate', 'BackupReplicateAck', 'BackupQuery', 'BackupQueryResponse',
  'BackupConfirmDelivery',
  'PeerAnnounce',
  'Rendezvous',
  'Signal',
  'GroupPostCopy',
  'Price',
]);

/** The message types the compact profile may carry (§13): the message path. */
export const COMPACT_TYPES = Object.freeze(['Chat', 'Ack', 'ReadReceipt']);

export class WireError extends Error {
  /** @param {string} reason the counted reason, e.g. 'non-canonical' */
  constructor(reason, message) {
    super(`${reason}: ${message}`);
    this.reason = reason;
  }
}

/**
 * @typedef {object} Envelope
 * @property {string} id
 * @property {string} from  node id, 64 lowercase hex characters
 * @property {string} to
 * @property {string[]} via
 * @property {string} msgType
 * @property {Uint8Array} payload
 * @property {bigint} timestamp Unix milliseconds
 * @property {Uint8Array} signature 64 bytes, or empty when unsigned
 * @property {number} ttl
 * @property {boolean} encrypted
 */

/** The bytes the signature of `envelope` covers (§3.1), in `profile`. */
export function signingBytes(envelope, profile = 'reference') {
  requireCarried(envelope.msgType, profile);
  return new CanonicalWriter(profile).value(signedFields(envelope)).toBytes();
}

/** The wire form of `envelope` in `profile`. */
export function encodeEnvelope(envelope, profile = 'reference') {
  requireCarried(envelope.msgType, profile);
  return new CanonicalWriter(profile).value(allFields(envelope)).toBytes();
}

function signedFields(e) {
  return [e.id, e.from, e.to, e.via, e.msgType, new Bytes(e.payload), BigInt(e.timestamp), e.encrypted];
}

function allFields(e) {
  return [e.id, e.from, e.to, e.via, e.msgType, new Bytes(e.payload), BigInt(e.timestamp), new Bytes(e.signature),
    e.ttl, e.encrypted];
}

/** Whether `profile` may carry envelopes of `msgType` (§13). */
function carries(profile, msgType) {
  return profile === 'reference' || COMPACT_TYPES.includes(msgType);
}

function requireCarried(msgType, profile) {
  if (!carries(profile, msgType)) {
    throw new RangeError(`${msgType} is written in the reference profile only`);
  }
}

/**
 * The signing bytes of a canonical envelope, cut from its wire form (§3.1): the 10-element header made an 8-element
 * one, and `signature` and `ttl`, which sit just before the final `encrypted` byte, left out.
 */
function spliceSigningBytes(wire, envelope, profile) {
  const cut = new CanonicalWriter(profile).bytes(envelope.signature).unsigned(envelope.ttl).length;
  const signed = new Uint8Array(wire.length - cut);
  signed[0] = 0x98;
  signed.set(wire.subarray(1, wire.length - 1 - cut), 1);
  signed[signed.length - 1] = wire[wire.length - 1];
  return signed;
}

/**
 * Decodes an envelope from the network.
 *
 * @returns {{envelope: Envelope, profile: 'reference' | 'compact', signingBytes: Uint8Array}}
 * @throws {WireError}
 */
export function decodeEnvelope(wire) {
  if (wire.length > MAX_ENVELOPE_BYTES) {
    throw new WireError('too-large', `envelope of ${wire.length} bytes exceeds ${MAX_ENVELOPE_BYTES}`);
  }
  if (wire.length === 0 || wire[0] !== 0x9a) {
    throw new WireError('malformed', 'an envelope starts with a 10-element array');
  }
  const fields = decodeWhole(wire);
  const [id, from, to, via, msgType, payload, timestamp, signature, ttl, encrypted] = fields;
  if (typeof id !== 'string' || id.length === 0 || utf8Length(id) > MAX_ID_BYTES) {
    throw new WireError(typeof id === 'string' && id.length > 0 ? 'too-large' : 'malformed', 'id');
  }
  nodeId(from, 'from');
  nodeId(to, 'to');
  if (!Array.isArray(via)) {
    throw new WireError('malformed', 'via is not an array');
  }
  if (via.length > MAX_DECODED_RELAYS) {
    throw new WireError('too-large', `via has ${via.length} entries`);
  }
  via.forEach((relay, i) => nodeId(relay, `via[${i}]`));
  if (typeof msgType !== 'string') {
    throw new WireError('malformed', 'msg_type is not a string');
  }
  if (!MESSAGE_TYPES.includes(msgType)) {
    throw new WireError('unknown-message-type', `msg_type '${msgType}' is not a known message type`);
  }
  const profile = payload instanceof Uint8Array ? 'compact' : 'reference';
  if (!carries(profile, msgType)) {
    throw new WireError('wrong-profile', `${msgType} is written in the reference profile only`);
  }
  const payloadBytes = byteString(payload, profile, 'payload');
  const signatureBytes = byteString(signature, profile, 'signature');
  if (signatureBytes.length !== 0 && signatureBytes.length !== SIGNATURE_LENGTH) {
    throw new WireError('malformed', `signature has ${signatureBytes.length} bytes`);
  }
  const stamp = unsigned(timestamp, MAX_TIMESTAMP, 'timestamp');
  const hops = Number(unsigned(ttl, BigInt(MAX_TTL), 'ttl'));
  if (typeof encrypted !== 'boolean') {
    throw new WireError('malformed', 'encrypted is not a boolean');
  }
  const envelope = { id, from, to, via, msgType, payload: payloadBytes, timestamp: stamp, signature: signatureBytes,
    ttl: hops, encrypted };
  // only the canonical form re-encodes to the bytes received, so the signature covers exactly what arrived
  if (!equalBytes(encodeEnvelope(envelope, profile), wire)) {
    throw new WireError('non-canonical', 'the envelope is not in its canonical form');
  }
  return { envelope, profile, signingBytes: spliceSigningBytes(wire, envelope, profile) };
}

function decodeWhole(bytes) {
  let value;
  try {
    value = decode(bytes, { useBigInt64: true });
  } catch (e) {
    throw new WireError(/extra/i.test(String(e.message)) ? 'trailing-bytes' : 'malformed', String(e.message));
  }
  if (!Array.isArray(value) || value.length !== 10) {
    throw new WireError('malformed', 'an envelope is a 10-element array');
  }
  return value;
}

function nodeId(value, what) {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw new WireError('bad-node-id', `${what} is not 64 lowercase hex characters`);
  }
}

/** A byte string in `profile`: a bin (compact) or an array of integers 0..255 (reference). */
function byteString(value, profile, what) {
  if (profile === 'compact') {
    if (!(value instanceof Uint8Array)) {
      throw new WireError('malformed', `${what} is not a bin (compact profile)`);
    }
    return value;
  }
  if (!Array.isArray(value) || !value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new WireError('malformed', `${what} is not an array of byte values`);
  }
  return Uint8Array.from(value);
}

function unsigned(value, max, what) {
  if (typeof value !== 'number' && typeof value !== 'bigint') {
    throw new WireError('malformed', `${what} is not an unsigned integer`);
  }
  const v = BigInt(value);
  if (v < 0n) {
    throw new WireError('malformed', `${what} is negative`);
  }
  if (v > max) {
    throw new WireError('out-of-range', `${what} is out of range`);
  }
  return v;
}

function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

/** `[ciphertext, nonce, ephemeral_pk]` in `profile` (§6). */
export function encodeEncryptedPayload(sealed, profile = 'reference') {
  return new CanonicalWriter(profile)
    .value([new Bytes(sealed.ciphertext), new Bytes(sealed.nonce), new Bytes(sealed.ephemeralPublicKey)]).toBytes();
}

/** An encrypted payload in `profile`; the other profile's form is refused. */
export function decodeEncryptedPayload(bytes, profile = 'reference') {
  let value;
  try {
    value = decode(bytes, { useBigInt64: true });
  } catch (e) {
    throw new WireError('malformed', String(e.message));
  }
  if (!Array.isArray(value) || value.length !== 3) {
    throw new WireError('malformed', 'an encrypted payload is a 3-element array');
  }
  const sealed = {
    ciphertext: byteString(value[0], profile, 'ciphertext'),
    nonce: byteString(value[1], profile, 'nonce'),
    ephemeralPublicKey: byteString(value[2], profile, 'ephemeral_pk'),
  };
  if (sealed.nonce.length !== 24 || sealed.ephemeralPublicKey.length !== 32) {
    throw new WireError('malformed', 'nonce or ephemeral key of the wrong length');
  }
  if (!equalBytes(encodeEncryptedPayload(sealed, profile), bytes)) {
    throw new WireError('non-canonical', 'the encrypted payload is not in its canonical form');
  }
  return sealed;
}

/** `[original_message_id, ack_type]` (§5); the same in both profiles. */
export function encodeAck(originalMessageId, ackType) {
  return new CanonicalWriter().value([originalMessageId, ackType]).toBytes();
}

export function decodeAck(bytes) {
  const value = decode(bytes);
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string'
    || !['RelayForwarded', 'RecipientReceived'].includes(value[1])) {
    throw new WireError('malformed', 'an acknowledgement is [message id, RelayForwarded | RecipientReceived]');
  }
  return { originalMessageId: value[0], ackType: value[1] };
}

/** `[original_message_id, read_at]` (§5); the same in both profiles. */
export function encodeReadReceipt(originalMessageId, readAt) {
  return new CanonicalWriter().value([originalMessageId, BigInt(readAt)]).toBytes();
}

export function decodeReadReceipt(bytes) {
  let value;
  try {
    value = decode(bytes, { useBigInt64: true });
  } catch (e) {
    throw new WireError('malformed', String(e.message));
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || value[0].length === 0
    || (typeof value[1] !== 'number' && typeof value[1] !== 'bigint') || value[1] < 0) {
    throw new WireError('malformed', 'a read receipt is [message id, read_at]');
  }
  const receipt = { originalMessageId: value[0], readAt: BigInt(value[1]) };
  if (!equalBytes(encodeReadReceipt(receipt.originalMessageId, receipt.readAt), bytes)) {
    throw new WireError('non-canonical', 'the read receipt is not in its canonical form');
  }
  return receipt;
}

/** The kinds of a Signal (§5.1): a DataChannel offer, its answer, or the end of the session. */
export const SIGNAL_KINDS = Object.freeze(['offer', 'answer', 'close']);
const MAX_SESSION_BYTES = 64;
/** An SDP with its candidates gathered, with room to spare; larger is refused. */
export const MAX_SIGNAL_BODY_BYTES = 16 * 1024;

/** `[session, kind, body]`, the plaintext sealed in a Signal envelope (§5.1); the same in both profiles. */
export function encodeSignal({ session, kind, body }) {
  return new CanonicalWriter().value([session, kind, body]).toBytes();
}

export function decodeSignal(bytes) {
  let value;
  try {
    value = decode(bytes);
  } catch (e) {
    throw new WireError('malformed', String(e.message));
  }
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'string')
    || !SIGNAL_KINDS.includes(value[1])) {
    throw new WireError('malformed', 'a signal is [session, offer | answer | close, body]');
  }
  const [session, kind, body] = value;
  if (utf8Length(session) === 0 || utf8Length(session) > MAX_SESSION_BYTES || utf8Length(body) > MAX_SIGNAL_BODY_BYTES) {
    throw new WireError('out-of-range', 'a signal session is 1–64 bytes and its body at most 16 KiB');
  }
  if (!equalBytes(encodeSignal({ session, kind, body }), bytes)) {
    throw new WireError('non-canonical', 'the signal is not in its canonical form');
  }
  return { session, kind, body };
}
