// The browser node's protocol core with real crypto on an in-memory network: direct and relayed delivery confirmed
// by the recipient's own acknowledgement, relays that carry only what names them, retries delivered once, and
// refused input counted — and a chat from the Java node's wire vectors received as the Java node would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hexToBytes } from '@noble/hashes/utils.js';

import { BrowserNode } from '../src/node.js';
import { generateIdentity, identityFromSeed, sign } from '../src/crypto.js';
import { decodeAck, decodeEnvelope, encodeEnvelope, signingBytes } from '../src/wire.js';

const text = (value) => new TextEncoder().encode(value);

/** Nodes that hand frames to each other through a queue, in order, until it is empty. */
class Network {
  constructor(now = () => Date.now()) {
    this.now = now;
    this.nodes = new Map();
    this.queue = [];
    this.delivered = [];
    this.statuses = [];
    this.frames = [];
  }

  node(profile = 'compact', identity = generateIdentity()) {
    const node = new BrowserNode(identity, {
      send: (hop, frame) => this.queue.push({ from: identity.nodeId, to: hop, frame }),
      deliver: (message) => this.delivered.push({ at: identity.nodeId, ...message }),
      statusChanged: (id, status, by) => this.statuses.push({ id, status, by }),
      now: this.now,
      profile,
    });
    this.nodes.set(node.id, node);
    return node;
  }

  /** Waits until every node has sent what it was asked to (frames land in the queue, undelivered). */
  async settle() {
    await Promise.all([...this.nodes.values()].map((node) => node.idle()));
  }

  /** Delivers queued frames, in order, until no node has anything left to send. */
  async run() {
    await this.settle();
    while (this.queue.length > 0) {
      const { from, to, frame } = this.queue.shift();
      this.frames.push({ from, to, frame });
      await this.nodes.get(to)?.onFrame(from, frame);
      await this.settle();
    }
  }
}

test('a direct chat is delivered and the sender learns it from the recipient', async () => {
  const net = new Network();
  const alice = net.node();
  const bob = net.node();

  const id = alice.sendChat(bob.id, text('hello bob'));
  await net.run();

  assert.deepEqual(net.delivered.map((m) => [m.at, m.from, new TextDecoder().decode(m.payload), m.via.length]),
    [[bob.id, alice.id, 'hello bob', 0]]);
  assert.deepEqual(net.statuses, [{ id, status: 'delivered', by: bob.id }]);
  assert.equal(alice.status(id), 'delivered');
});

test('a relayed chat is relayed, then delivered, and the relay cannot read it', async () => {
  const net = new Network();
  const alice = net.node();
  const relay = net.node();
  const bob = net.node();

  const id = alice.sendChat(bob.id, text('through carol'), [relay.id]);
  await net.run();

  assert.equal(net.delivered.length, 1);
  assert.deepEqual(net.delivered[0].via, [relay.id]);
  assert.deepEqual(net.statuses.map((s) => s.status), ['relayed', 'delivered']);
  assert.equal(net.statuses[1].by, bob.id);
  assert.equal(relay.counter('forwarded'), 2, 'the chat on the way out, the acknowledgement on the way back');
  const carried = net.frames.find((f) => f.from === relay.id && f.to === bob.id).frame;
  assert.equal(new TextDecoder().decode(carried).includes('through carol'), false);
  assert.equal(alice.status(id), 'delivered');
});

test('a retry is delivered once and acknowledged again', async () => {
  const net = new Network();
  const alice = net.node();
  const bob = net.node();
  alice.sendChat(bob.id, text('once'));
  await net.settle();
  const chat = net.queue[0].frame;
  await net.run();

  await bob.onFrame(alice.id, chat);
  await net.run();

  assert.equal(net.delivered.length, 1);
  assert.equal(bob.counter('duplicates'), 1);
  const acks = net.frames.filter((f) => f.from === bob.id);
  assert.equal(acks.length, 2);
  assert.equal(alice.counter('rejected.replayed-ack'), 1, 'the second acknowledgement is a replay for 5 minutes');
});

test('a frame altered on the way is refused and counted, and changes nothing', async () => {
  const net = new Network();
  const alice = net.node();
  const bob = net.node();
  alice.sendChat(bob.id, text('intact'));
  await net.settle();
  const frame = Uint8Array.from(net.queue.shift().frame);
  frame[frame.length - 40] ^= 0x01;

  assert.equal(await bob.onFrame(alice.id, frame), 'rejected.bad-signature');
  await net.run();
  assert.equal(net.delivered.length, 0);
  assert.equal(bob.counter('rejected.bad-signature'), 1);
});

test('a node relays only what names it as a relay', async () => {
  const net = new Network();
  const alice = net.node();
  const stranger = net.node();
  const bob = net.node();
  alice.sendChat(bob.id, text('not for you'));
  await net.settle();
  const frame = net.queue.shift().frame;

  assert.equal(await stranger.onFrame(alice.id, frame), 'rejected.not-addressed-here');
  assert.equal(net.queue.length, 0);
});

test('only the recipient can confirm delivery', async () => {
  const net = new Network();
  const alice = net.node();
  const bob = net.node();
  const mallory = net.node();
  const id = alice.sendChat(bob.id, text('to bob'));
  await net.settle();
  net.queue.length = 0;
  mallory.acknowledge({ id, from: alice.id }, 'RecipientReceived', [], 'compact');
  await net.run();

  assert.equal(alice.counter('rejected.ack-not-from-recipient'), 1);
  assert.equal(alice.status(id), 'pending');
});

test('acknowledgements are written in the profile of the message they answer', async () => {
  const net = new Network();
  const alice = net.node('reference');
  const bob = net.node('compact');
  alice.sendChat(bob.id, text('old style'));
  await net.run();

  const ack = net.frames.find((f) => f.from === bob.id).frame;
  assert.equal(decodeEnvelope(ack).profile, 'reference');
  assert.equal(decodeEnvelope(net.frames[0].frame).profile, 'reference');
});

test('a chat from the Java node is received as the Java node would, and acknowledged to it', async () => {
  const file = fileURLToPath(new URL('../../docs/wire-vectors.json', import.meta.url));
  const vector = JSON.parse(readFileSync(file, 'utf8')).vectors.find((v) => v.name === 'chat-encrypted-compact');
  const sent = Number(decodeEnvelope(hexToBytes(vector.envelope)).envelope.timestamp);
  const net = new Network(() => sent + 1_000);
  const bob = net.node('compact', identityFromSeed(hexToBytes(vector.recipient_seed)));
  const alice = decodeEnvelope(hexToBytes(vector.envelope)).envelope.from;

  assert.equal(await bob.onFrame(alice, hexToBytes(vector.envelope)), 'delivered');

  assert.equal(new TextDecoder().decode(net.delivered[0].payload), new TextDecoder().decode(hexToBytes(vector.plaintext)));
  await net.settle();
  const { envelope, profile } = decodeEnvelope(net.queue[0].frame);
  assert.equal(profile, 'compact');
  assert.equal(envelope.to, alice);
  assert.deepEqual(decodeAck(envelope.payload), {
    originalMessageId: decodeEnvelope(hexToBytes(vector.envelope)).envelope.id, ackType: 'RecipientReceived' });
});

test('stale and far-future frames are refused', async () => {
  let now = Date.now();
  const net = new Network(() => now);
  const alice = net.node();
  const bob = net.node();
  alice.sendChat(bob.id, text('late'));
  await net.settle();
  const frame = net.queue.shift().frame;

  now += 25 * 60 * 60 * 1000;
  assert.equal(await bob.onFrame(alice.id, frame), 'rejected.expired');
  now -= 26 * 60 * 60 * 1000;
  assert.equal(await bob.onFrame(alice.id, frame), 'rejected.future-timestamp');
});

test('a heartbeat is taken as a sign of life, never delivered nor acknowledged; backup traffic is not handled yet', async () => {
  const file = fileURLToPath(new URL('../../docs/wire-vectors.json', import.meta.url));
  const vectors = JSON.parse(readFileSync(file, 'utf8')).vectors;
  const heartbeat = vectors.find((v) => v.name === 'heartbeat');
  const store = vectors.find((v) => v.name === 'backup-store');
  const sent = Number(decodeEnvelope(hexToBytes(heartbeat.envelope)).envelope.timestamp);
  const net = new Network(() => sent);
  const bob = net.node('compact', identityFromSeed(hexToBytes(heartbeat.recipient_seed)));
  const carol = net.node('compact', identityFromSeed(hexToBytes(store.recipient_seed)));

  assert.equal(await bob.onFrame('anyone', hexToBytes(heartbeat.envelope)), 'heartbeat');
  assert.equal(await carol.onFrame('anyone', hexToBytes(store.envelope)), 'rejected.unsupported-type');
  assert.equal(net.queue.length, 0);
  assert.equal(net.delivered.length, 0);
});

test('a read receipt from the recipient, after delivery, marks the message read; others are refused', async () => {
  const net = new Network();
  const alice = net.node();
  const relay = net.node();
  const bob = net.node();
  const id = alice.sendChat(bob.id, text('read me'), [relay.id]);
  await net.run();

  bob.markRead(net.delivered[0]);
  await net.run();

  assert.equal(alice.status(id), 'read');
  assert.deepEqual(net.statuses.map((s) => s.status), ['relayed', 'delivered', 'read']);
  assert.equal(relay.counter('forwarded'), 3, 'the receipt came back through the relay');
  bob.markRead(net.delivered[0]);
  await net.run();
  assert.equal(alice.counter('rejected.unmatched-receipt'), 1, 'already read');

  const early = alice.sendChat(bob.id, text('not yet delivered'));
  await net.settle();
  net.queue.length = 0;
  bob.markRead({ id: early, from: alice.id, via: [] });
  await net.run();
  assert.equal(alice.status(early), 'pending');
  assert.equal(alice.counter('rejected.unmatched-receipt'), 2);
});

test('a replayed relay acknowledgement is refused', async () => {
  const net = new Network();
  const alice = net.node();
  const relay = net.node();
  const bob = net.node();
  alice.sendChat(bob.id, text('once through'), [relay.id]);
  await net.run();
  const relayAck = net.frames.find((f) => f.from === relay.id && f.to === alice.id).frame;

  assert.equal(await alice.onFrame(relay.id, relayAck), 'rejected.replayed-ack');
});

test('a message read the moment it is delivered is seen delivered, then read, by its sender', async () => {
  const net = new Network();
  const alice = net.node();
  const relay = net.node();
  const reader = generateIdentity();
  let bob = null;
  // a page with the conversation open reads from inside the delivery callback
  bob = new BrowserNode(reader, {
    send: (hop, frame) => net.queue.push({ from: reader.nodeId, to: hop, frame }),
    deliver: (message) => bob.markRead(message),
  });
  net.nodes.set(bob.id, bob);

  const id = alice.sendChat(bob.id, text('read at once'), [relay.id]);
  await net.run();

  assert.deepEqual(net.statuses.map((s) => s.status), ['relayed', 'delivered', 'read']);
  assert.equal(alice.counter('rejected.unmatched-receipt'), 0);
});

test('message ids are version-4 UUIDs, as the Java node writes them', async () => {
  const net = new Network();
  const id = net.node().sendChat(generateIdentity().nodeId, text('x'));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('signalling reaches its peer through a relay, sealed and signed, taken once, and never acknowledged', async () => {
  const net = new Network();
  const alice = net.node();
  const relay = net.node();
  const signals = [];
  const bob = new BrowserNode(generateIdentity(), {
    send: (hop, frame) => net.queue.push({ from: bob.id, to: hop, frame }),
    signal: (signal) => signals.push(signal),
  });
  net.nodes.set(bob.id, bob);

  alice.sendSignal(bob.id, { session: 's1', kind: 'offer', body: 'v=0' }, [relay.id]);
  await net.run();

  assert.deepEqual(signals, [{ from: alice.id, session: 's1', kind: 'offer', body: 'v=0' }]);
  assert.equal(relay.counter('forwarded'), 1);
  assert.equal(net.frames.length, 2, 'no acknowledgement went back');
  const carried = net.frames[1].frame;
  assert.equal(decodeEnvelope(carried).profile, 'reference');
  await bob.onFrame(relay.id, carried);
  assert.equal(bob.counter('rejected.replayed-signal'), 1);
  assert.equal(signals.length, 1);
});

test('a stale signal is refused: an offer is for a connection set up now', async () => {
  let clock = Date.now();
  const net = new Network(() => clock);
  const alice = net.node();
  const bob = net.node();
  alice.sendSignal(bob.id, { session: 's1', kind: 'offer', body: 'v=0' });
  await net.settle();
  const { frame } = net.queue.shift();
  clock += 3 * 60 * 1000;
  assert.equal(await bob.onFrame(alice.id, frame), 'rejected.stale-signal');
});

test('a signal claiming another sender, or sealed to someone else, sets nothing up', async () => {
  const net = new Network();
  const alice = net.node();
  const mallory = generateIdentity();
  const signals = [];
  const bob = new BrowserNode(generateIdentity(), { send: () => {}, signal: (signal) => signals.push(signal) });
  const carol = net.node();

  alice.sendSignal(bob.id, { session: 's1', kind: 'offer', body: 'v=0 alice' });
  await net.settle();
  const { envelope } = decodeEnvelope(net.queue.shift().frame);
  // mallory re-signs alice's offer as if she were alice: the signature is not alice's
  const forged = { ...envelope, signature: sign(mallory, signingBytes(envelope)) };
  assert.equal(await bob.onFrame(alice.id, encodeEnvelope(forged)), 'rejected.bad-signature');

  alice.sendSignal(carol.id, { session: 's2', kind: 'offer', body: 'v=0 for carol' });
  await net.settle();
  const forCarol = decodeEnvelope(net.queue.shift().frame).envelope;
  const readdressed = { ...forCarol, to: bob.id };
  readdressed.signature = sign(alice.identity, signingBytes(readdressed));
  assert.equal(await bob.onFrame(alice.id, encodeEnvelope(readdressed)), 'rejected.decryption-failed');
  assert.deepEqual(signals, []);
});

test('a chat whose frame was lost is sent again, on the route of the moment, and delivered once', async () => {
  let clock = 1_767_225_600_000;
  const net = new Network(() => clock);
  const alice = net.node();
  const relay = net.node();
  const bob = net.node();
  let route = [];
  alice.hooks.route = () => route;

  const id = alice.sendChat(bob.id, text('lost once'));
  await net.settle();
  net.queue.length = 0; // the direct link dropped it
  clock += 999;
  alice.tick();
  await net.settle();
  assert.equal(net.queue.length, 0, 'not before a second');

  route = [relay.id];
  clock += 1;
  alice.tick();
  await net.run();

  assert.equal(net.delivered.length, 1);
  assert.deepEqual(net.delivered[0].via, [relay.id], 'the retry took the route of the moment');
  assert.equal(alice.status(id), 'delivered');
  assert.equal(alice.counter('retries'), 1);
  clock += 60_000;
  alice.tick();
  await net.run();
  assert.equal(alice.counter('retries'), 1, 'nothing delivered is sent again');
});

test('a chat never acknowledged is retried with a growing pause and given up at 24 hours', async () => {
  let clock = 1_767_225_600_000;
  const net = new Network(() => clock);
  const alice = net.node();
  const nobody = generateIdentity().nodeId;
  const id = alice.sendChat(nobody, text('into the void'));
  await net.settle();
  const sentAt = clock;
  for (; clock < sentAt + 24 * 3_600_000; clock += 1_000) {
    alice.tick();
  }
  await net.settle();
  // 1, 2, 4 … 16 s, then every 30 s: about 2 880 attempts in a day, not 86 400
  assert.ok(alice.counter('retries') > 2_800 && alice.counter('retries') < 2_900, `${alice.counter('retries')}`);
  assert.equal(alice.status(id), 'pending');

  alice.tick();
  assert.equal(alice.status(id), 'failed');
  assert.deepEqual(net.statuses.at(-1), { id, status: 'failed', by: alice.id });
  const attempts = alice.counter('retries');
  clock += 60_000;
  alice.tick();
  assert.equal(alice.counter('retries'), attempts, 'a failed message is not sent again');
});
