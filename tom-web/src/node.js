// The browser node's protocol core, apart from any transport: it seals, signs and sends chats, acknowledges what it
// receives, relays what it is asked to carry, and follows its own messages to delivery — the rules of
// docs/wire-spec.md §8 and §9 that every node keeps. Frames come in through onFrame(hop, bytes) and leave through the
// `send(hop, bytes)` it is given; refused input is counted by reason and changes nothing. Its crypto is WebCrypto's
// where the platform has it (fast-crypto.js), so it is asynchronous: frames are handled one at a time in arrival
// order, and what it sends leaves in the order it was asked for (an acknowledgement before a read receipt).
import { decodeAck, decodeEncryptedPayload, decodeEnvelope, decodeReadReceipt, decodeSignal, encodeAck,
  encodeEncryptedPayload, encodeEnvelope, encodeReadReceipt, encodeSignal, signingBytes, WireError } from './wire.js';
import { CryptoError, isValidNodeId, randomId } from './crypto.js';
import { openFast, sealFast, signFast, verifyStrictFast } from './fast-crypto.js';

const DEFAULT_TTL = 4;
const MAX_RELAYS = 4;
const MAX_FUTURE_MS = 5 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const REMEMBERED_DELIVERIES = 10_000;
const REPLAYED_ACK_WINDOW_MS = 5 * 60 * 1000;
const READ_RECEIPT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Signalling is for a connection being set up now: an older offer is of no use and may be a replay. */
const SIGNAL_MAX_AGE_MS = 2 * 60 * 1000;
const REMEMBERED_SIGNALS = 1_000;
/** A message not yet acknowledged is sent again after 1 s, then 2, 4 … up to every 30 s, for its 24 h (lock 2). */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * @typedef {object} NodeHooks
 * @property {(hop: string, frame: Uint8Array) => void} send  hand a frame to the transport towards `hop`
 * @property {(message: {id: string, from: string, payload: Uint8Array, via: string[], link: string}) => void} [deliver]
 *   `link` is what the caller of onFrame named the link the message came over
 * @property {(id: string, status: 'relayed' | 'delivered' | 'read' | 'failed', by: string) => void} [statusChanged]
 *   'failed': not acknowledged within its 24 hours, given up
 * @property {(recipient: string) => string[]} [route]  the relays a message takes now (asked again for each retry;
 *   the first attempt takes the `via` it was sent with)
 * @property {(signal: {from: string, session: string, kind: string, body: string}) => void} [signal]  WebRTC
 *   signalling for this node, authenticated: sealed to it and signed by `from`
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
    /** Messages of ours, by id, while they wait for their acknowledgement and then for a read receipt. */
    this.outbox = new Map();
    /** When each acknowledgement (`from:original:type`) was last taken, to refuse replays. */
    this.acknowledgements = new Map();
    /** `from:id` of chats delivered here, oldest first. */
    this.delivered = new Map();
    /** `from:id` of the signals taken, oldest first: each is taken once. */
    this.signals = new Map();
    /** Counts of what happened to input: `rejected.<reason>`, `forwarded`, `duplicates`. */
    this.counts = new Map();
    /** The frames being handled, one after the other. */
    this.inbound = Promise.resolve();
    /** What is being sealed, signed and sent, in the order it was asked for. */
    this.outbound = Promise.resolve();
  }

  /** Resolves once every frame taken so far is handled and everything asked so far is sent. */
  async idle() {
    let inbound;
    let outbound;
    do {
      ({ inbound, outbound } = this);
      await Promise.all([inbound, outbound]);
    } while (inbound !== this.inbound || outbound !== this.outbound);
  }

  /** Queues outbound work; a failure is counted, never thrown at a later caller. */
  later(work) {
    this.outbound = this.outbound.then(work).catch(() => this.count('send-failed'));
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
    if (!isValidNodeId(recipient)) {
      throw new CryptoError('the recipient is not a valid node id');
    }
    const id = randomId();
    const now = this.now();
    const entry = { recipient, via, status: 'pending', timestamp: BigInt(now), payload: null, attempts: 0,
      nextAttemptAt: now + RETRY_FIRST_MS };
    this.outbox.set(id, entry);
    this.later(async () => {
      entry.payload = encodeEncryptedPayload(await sealFast(recipient, plaintext), this.profile);
      await this.transmit(id, entry, via);
    });
    return id;
  }

  /** Signs the chat `id` for the path `via` (the same id, payload and time on every attempt) and hands it over. */
  async transmit(id, entry, via) {
    const envelope = await this.signed({ id, from: this.id, to: entry.recipient, via, msgType: 'Chat',
      payload: entry.payload, timestamp: entry.timestamp, encrypted: true }, this.profile);
    this.hooks.send(via.length > 0 ? via[0] : entry.recipient, encodeEnvelope(envelope, this.profile));
  }

  /**
   * Sends again what is not acknowledged yet, on the route of the moment, and gives up what is older than 24 hours.
   * The page calls it every second; a retry is the same message (the recipient delivers it once and acknowledges
   * again).
   */
  tick() {
    const now = this.now();
    for (const [id, entry] of this.outbox) {
      if ((entry.status !== 'pending' && entry.status !== 'relayed') || entry.payload === null) {
        continue;
      }
      if (now - Number(entry.timestamp) >= MAX_AGE_MS) {
        entry.status = 'failed';
        this.count('failed');
        this.hooks.statusChanged?.(id, 'failed', this.id);
        continue;
      }
      if (now < entry.nextAttemptAt) {
        continue;
      }
      entry.attempts += 1;
      entry.nextAttemptAt = now + Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** entry.attempts);
      this.count('retries');
      const via = this.hooks.route?.(entry.recipient) ?? entry.via;
      this.later(() => this.transmit(id, entry, via));
    }
  }

  /**
   * Tells the sender of a delivered message that it was read, along the path it came by, reversed.
   *
   * @param {{id: string, from: string, via: string[]}} message as given to `deliver`
   */
  markRead(message) {
    const via = [...message.via].reverse();
    const now = BigInt(this.now());
    this.later(async () => {
      const receipt = await this.signed({ id: randomId(), from: this.id, to: message.from, via,
        msgType: 'ReadReceipt', payload: encodeReadReceipt(message.id, now), timestamp: now, encrypted: false },
      this.profile);
      this.hooks.send(via.length > 0 ? via[0] : message.from, encodeEnvelope(receipt, this.profile));
    });
  }

  /**
   * Sends WebRTC signalling to `peer`, sealed to it and signed (§5.1), through `via`. Never acknowledged: the
   * connection it sets up, or its absence, is the answer.
   */
  sendSignal(peer, signal, via = []) {
    const plaintext = encodeSignal(signal);
    const timestamp = BigInt(this.now());
    this.later(async () => {
      const payload = encodeEncryptedPayload(await sealFast(peer, plaintext), 'reference');
      const envelope = await this.signed({ id: randomId(), from: this.id, to: peer, via, msgType: 'Signal', payload,
        timestamp, encrypted: true }, 'reference');
      this.hooks.send(via.length > 0 ? via[0] : peer, encodeEnvelope(envelope, 'reference'));
    });
  }

  /** Where a message of ours stands: 'pending', 'relayed', 'delivered', 'read', or undefined if unknown. */
  status(id) {
    return this.outbox.get(id)?.status;
  }

  /**
   * One frame from the neighbour `hop`, over the link the caller names (given back with what it delivers).
   *
   * @returns {Promise<string>} what became of it: 'delivered', 'forwarded', 'rejected.<reason>', …
   */
  onFrame(hop, frame, link = 'default') {
    const handled = this.inbound.then(() => this.handle(hop, frame, link)).catch(() => this.refuse('internal-error'));
    this.inbound = handled;
    return handled;
  }

  async handle(hop, frame, link) {
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
    if (!(await verifyStrictFast(envelope.from, decoded.signingBytes, envelope.signature))) {
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
      case 'Chat': return this.receiveChat(envelope, profile, link);
      case 'Ack': return this.receiveAck(envelope);
      case 'ReadReceipt': return this.receiveReadReceipt(envelope);
      case 'Signal': return this.receiveSignal(envelope, profile);
      case 'Heartbeat':
        // liveness only: never delivered, never acknowledged (§9)
        this.count('heartbeats');
        return 'heartbeat';
      default: return this.refuse('unsupported-type');
    }
  }

  async receiveChat(envelope, profile, link) {
    let plaintext = envelope.payload;
    if (envelope.encrypted) {
      try {
        plaintext = await openFast(this.identity, decodeEncryptedPayload(envelope.payload, profile));
      } catch (e) {
        return this.refuse(e instanceof WireError ? e.reason : e instanceof CryptoError ? 'decryption-failed' : 'malformed');
      }
    }
    const key = `${envelope.from}:${envelope.id}`;
    const again = this.delivered.has(key);
    // acknowledged before the application sees it, so a read receipt it sends at once follows the acknowledgement
    // (a sender takes a receipt only for a message it knows was delivered); a retry is acknowledged again, since
    // the first acknowledgement may have been lost
    this.acknowledge(envelope, 'RecipientReceived', [...envelope.via].reverse(), profile);
    if (again) {
      this.count('duplicates');
      return 'duplicate';
    }
    this.delivered.set(key, true);
    if (this.delivered.size > REMEMBERED_DELIVERIES) {
      this.delivered.delete(this.delivered.keys().next().value);
    }
    this.hooks.deliver?.({ id: envelope.id, from: envelope.from, payload: plaintext, via: envelope.via, link });
    return 'delivered';
  }

  receiveAck(envelope) {
    let ack;
    try {
      ack = decodeAck(envelope.payload);
    } catch (e) {
      return this.refuse(e.reason ?? 'malformed');
    }
    if (envelope.encrypted) {
      return this.refuse('encrypted-receipt');
    }
    const key = `${envelope.from}:${ack.originalMessageId}:${ack.ackType}`;
    const seen = this.acknowledgements.get(key);
    if (seen !== undefined && this.now() - seen < REPLAYED_ACK_WINDOW_MS) {
      return this.refuse('replayed-ack');
    }
    const mine = this.outbox.get(ack.originalMessageId);
    if (mine === undefined) {
      return this.refuse('unmatched-ack');
    }
    if (mine.status === 'failed') {
      // given up at 24 h, as a Java node gives up: failed stays failed
      return this.refuse('ack-after-failure');
    }
    this.acknowledgements.set(key, this.now());
    if (ack.ackType === 'RecipientReceived') {
      // only the final recipient's own signed acknowledgement proves delivery (lock 1)
      if (envelope.from !== mine.recipient) {
        this.acknowledgements.delete(key);
        return this.refuse('ack-not-from-recipient');
      }
      mine.status = 'delivered';
      this.forgetOldest();
      this.hooks.statusChanged?.(ack.originalMessageId, 'delivered', envelope.from);
      return 'delivered';
    }
    if (mine.status === 'pending') {
      mine.status = 'relayed';
      this.hooks.statusChanged?.(ack.originalMessageId, 'relayed', envelope.from);
    }
    return 'relayed';
  }

  receiveReadReceipt(envelope) {
    if (envelope.encrypted) {
      return this.refuse('encrypted-receipt');
    }
    let receipt;
    try {
      receipt = decodeReadReceipt(envelope.payload);
    } catch (e) {
      return this.refuse(e.reason ?? 'malformed');
    }
    const mine = this.outbox.get(receipt.originalMessageId);
    if (mine === undefined || mine.recipient !== envelope.from || mine.status !== 'delivered') {
      return this.refuse('unmatched-receipt');
    }
    mine.status = 'read';
    // a receipt's clock is the reader's: kept within the last 7 days and not in the future
    const now = this.now();
    mine.readAt = Math.max(now - READ_RECEIPT_MAX_AGE_MS, Math.min(now, Number(receipt.readAt)));
    this.hooks.statusChanged?.(receipt.originalMessageId, 'read', envelope.from);
    return 'read';
  }

  async receiveSignal(envelope, profile) {
    if (!envelope.encrypted) {
      return this.refuse('unsealed-signal');
    }
    if (this.now() - Number(envelope.timestamp) > SIGNAL_MAX_AGE_MS) {
      return this.refuse('stale-signal');
    }
    const key = `${envelope.from}:${envelope.id}`;
    if (this.signals.has(key)) {
      return this.refuse('replayed-signal');
    }
    let signal;
    try {
      signal = decodeSignal(await openFast(this.identity, decodeEncryptedPayload(envelope.payload, profile)));
    } catch (e) {
      return this.refuse(e instanceof WireError ? e.reason : 'decryption-failed');
    }
    this.signals.set(key, true);
    if (this.signals.size > REMEMBERED_SIGNALS) {
      this.signals.delete(this.signals.keys().next().value);
    }
    this.hooks.signal?.({ from: envelope.from, ...signal });
    return 'signal';
  }

  /** Keeps the outbox within bounds: the oldest messages that were delivered go first. */
  forgetOldest() {
    if (this.outbox.size <= REMEMBERED_DELIVERIES) {
      return;
    }
    for (const [id, entry] of this.outbox) {
      if (entry.status === 'delivered' || entry.status === 'read' || entry.status === 'failed') {
        this.outbox.delete(id);
        return;
      }
    }
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
    const forwarded = encodeEnvelope({ ...envelope, ttl: envelope.ttl - 1 }, profile);
    this.later(() => this.hooks.send(next, forwarded));
    this.count('forwarded');
    if (envelope.msgType === 'Chat') {
      this.acknowledge(envelope, 'RelayForwarded', envelope.via.slice(0, position).reverse(), profile);
    }
    return 'forwarded';
  }

  acknowledge(message, ackType, via, profile) {
    const timestamp = BigInt(this.now());
    this.later(async () => {
      const ack = await this.signed({ id: randomId(), from: this.id, to: message.from, via, msgType: 'Ack',
        payload: encodeAck(message.id, ackType), timestamp, encrypted: false }, profile);
      this.hooks.send(via.length > 0 ? via[0] : message.from, encodeEnvelope(ack, profile));
    });
  }

  async signed(unsigned, profile) {
    const envelope = { ...unsigned, signature: new Uint8Array(0), ttl: DEFAULT_TTL };
    envelope.signature = await signFast(this.identity, signingBytes(envelope, profile));
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
