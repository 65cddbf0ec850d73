// The browser node's protocol core, apart from any transport: it seals, signs and sends chats, acknowledges what it
// receives, relays what it is asked to carry, and follows its own messages to delivery — the rules of
// docs/wire-spec.md §8 and §9 that every node keeps. Frames come in through onFrame(hop, bytes) and leave through the
// `send(hop, bytes)` it is given; refused input is counted by reason and changes nothing.
import { decodeAck, decodeEncryptedPayload, decodeEnvelope, encodeAck, encodeEncryptedPayload, encodeEnvelope,
  signingBytes, WireError } from './wire.js';
import { CryptoError, open, seal, sign, verifyStrict } from './crypto.js';

const DEFAULT_TTL = 4;
const MAX_RELAYS = 4;
const MAX_FUTURE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const REMEMBERED_DELIVERIES = 10_000;

/**
 * @typedef {object} NodeHooks
 * @property {(hop: string, frame: Uint8Array) => void} send  hand a frame to the transport towards `hop`
 * @property {(message: {id: string, from: string, payload: Uint8Array, hops: number}) => void} [deliver]
 * @property {(id: string, status: 'relayed' | 'delivered', by: string) => void} [statusChanged]
 * @property {() => number} [now]  Unix milliseconds
 * @property {'reference' | 'compact'} [profile]  the wire profile of this node's messages (compact by default)
 */

export class BrowserNode {
  /**
   * @param {{seed: Uint8Array, nodeId: string}} identity
   * @param {NodeHooks} hooks
   */
  constructor(identity, hooks) {
    this.identity = identity;
    this.hooks = hooks;
    this.now = hooks.now ?? (() => Date.now());
    this.profile = hooks.profile ?? 'compact';
    /** Messages of ours not yet delivered, by id. */
    this.outbox = new Map();
    /** `from:id` of chats delivered here, oldest first. */
    this.delivered = new Map();
    /** Counts of what happened to input: `rejected.<reason>`, `forwarded`, `duplicates`. */
    this.counts = new Map();
  }

  get id() {
    return this.identity.nodeId;
  }

  /**
   * Seals `plaintext` to `recipient` and sends it, directly or through `via` (relays in path order).
   *
   * @returns {string} the message id
   */
  sendChat(recipient, plaintext, via = []) {
    if (via.length > MAX_RELAYS) {
      throw new RangeError(`at most ${MAX_RELAYS} relays`);
    }
    const id = crypto.randomUUID();
    const payload = encodeEncryptedPayload(seal(recipient, plaintext), this.profile);
    const envelope = this.signed({ id, from: this.id, to: recipient, via, msgType: 'Chat', payload,
      timestamp: BigInt(this.now()), encrypted: true }, this.profile);
    this.outbox.set(id, { recipient, status: 'pending' });
    this.hooks.send(via.length > 0 ? via[0] : recipient, encodeEnvelope(envelope, this.profile));
    return id;
  }

  /** Where a message of ours stands: 'pending', 'relayed', 'delivered', or undefined if unknown. */
  status(id) {
    return this.outbox.get(id)?.status;
  }

  /** One frame from the neighbour `hop`. */
  onFrame(hop, frame) {
    let decoded;
    try {
      decoded = decodeEnvelope(frame);
    } catch (e) {
      return this.refuse(e instanceof WireError ? e.reason : 'malformed');
    }
    const { envelope, profile } = decoded;
    if (envelope.signature.length === 0) {
      return this.refuse('unsigned');
    }
    if (!verifyStrict(envelope.from, decoded.signingBytes, envelope.signature)) {
      return this.refuse('bad-signature');
    }
    if (envelope.via.length > MAX_RELAYS) {
      return this.refuse('too-many-relays');
    }
    const age = this.now() - Number(envelope.timestamp);
    if (age < -MAX_FUTURE_MS) {
      return this.refuse('future-timestamp');
    }
    if (age > MAX_AGE_MS) {
      return this.refuse('expired');
    }
    if (envelope.to !== this.id) {
      return this.relay(envelope, profile);
    }
    switch (envelope.msgType) {
      case 'Chat': return this.receiveChat(hop, envelope, profile);
      case 'Ack': return this.receiveAck(envelope);
      default: return this.refuse('unsupported-type');
    }
  }

  receiveChat(hop, envelope, profile) {
    let plaintext = envelope.payload;
    if (envelope.encrypted) {
      try {
        plaintext = open(this.identity, decodeEncryptedPayload(envelope.payload, profile));
      } catch (e) {
        return this.refuse(e instanceof WireError ? e.reason : e instanceof CryptoError ? 'decryption-failed' : 'malformed');
      }
    }
    const key = `${envelope.from}:${envelope.id}`;
    const again = this.delivered.has(key);
    if (!again) {
      this.delivered.set(key, true);
      if (this.delivered.size > REMEMBERED_DELIVERIES) {
        this.delivered.delete(this.delivered.keys().next().value);
      }
      this.hooks.deliver?.({ id: envelope.id, from: envelope.from, payload: plaintext, hops: envelope.via.length });
    } else {
      this.count('duplicates');
    }
    // a retry is acknowledged again: the first acknowledgement may have been lost
    this.acknowledge(envelope, 'RecipientReceived', [...envelope.via].reverse(), profile);
    return again ? 'duplicate' : 'delivered';
  }

  receiveAck(envelope) {
    let ack;
    try {
      ack = decodeAck(envelope.payload);
    } catch (e) {
      return this.refuse(e.reason ?? 'malformed');
    }
    const mine = this.outbox.get(ack.originalMessageId);
    if (mine === undefined) {
      return this.refuse('unmatched-ack');
    }
    if (ack.ackType === 'RecipientReceived') {
      // only the final recipient's own signed acknowledgement proves delivery (lock 1)
      if (envelope.from !== mine.recipient) {
        return this.refuse('ack-not-from-recipient');
      }
      this.outbox.delete(ack.originalMessageId);
      this.hooks.statusChanged?.(ack.originalMessageId, 'delivered', envelope.from);
      return 'delivered';
    }
    if (mine.status === 'pending') {
      mine.status = 'relayed';
      this.hooks.statusChanged?.(ack.originalMessageId, 'relayed', envelope.from);
    }
    return 'relayed';
  }

  /** Passes on an envelope this node is named in as a relay, once, with one hop less (§8 step 6). */
  relay(envelope, profile) {
    const position = envelope.via.indexOf(this.id);
    if (position < 0 || envelope.via.lastIndexOf(this.id) !== position) {
      return this.refuse('not-addressed-here');
    }
    if (envelope.from === this.id) {
      return this.refuse('routing-loop');
    }
    if (envelope.ttl === 0) {
      return this.refuse('ttl-exhausted');
    }
    const next = position + 1 < envelope.via.length ? envelope.via[position + 1] : envelope.to;
    this.hooks.send(next, encodeEnvelope({ ...envelope, ttl: envelope.ttl - 1 }, profile));
    this.count('forwarded');
    if (envelope.msgType === 'Chat') {
      this.acknowledge(envelope, 'RelayForwarded', envelope.via.slice(0, position).reverse(), profile);
    }
    return 'forwarded';
  }

  acknowledge(message, ackType, via, profile) {
    const ack = this.signed({ id: crypto.randomUUID(), from: this.id, to: message.from, via, msgType: 'Ack',
      payload: encodeAck(message.id, ackType), timestamp: BigInt(this.now()), encrypted: false }, profile);
    this.hooks.send(via.length > 0 ? via[0] : message.from, encodeEnvelope(ack, profile));
  }

  signed(unsigned, profile) {
    const envelope = { ...unsigned, signature: new Uint8Array(0), ttl: DEFAULT_TTL };
    envelope.signature = sign(this.identity, signingBytes(envelope, profile));
    return envelope;
  }

  refuse(reason) {
    this.count(`rejected.${reason}`);
    return `rejected.${reason}`;
  }

  count(key) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** How often `key` was counted (e.g. 'rejected.bad-signature', 'forwarded', 'duplicates'). */
  counter(key) {
    return this.counts.get(key) ?? 0;
  }
}
