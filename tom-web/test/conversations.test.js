import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Conversations, MARKS } from '../src/conversations.js';

const alice = 'a'.repeat(64);
const bob = 'b'.repeat(64);
const from = (peer, id) => ({ id, from: peer, via: [] });

test('a received message is read only once its conversation is open on a visible page', () => {
  const read = [];
  const chat = new Conversations((message) => read.push(message.id));
  chat.received(from(alice, 'm1'), 'hello');
  assert.deepEqual(read, []);
  assert.equal(chat.unreadCount(alice), 1);

  chat.setVisible(false);
  chat.select(alice);
  assert.deepEqual(read, [], 'a hidden page reads nothing');

  chat.setVisible(true);
  assert.deepEqual(read, ['m1']);
  assert.equal(chat.unreadCount(alice), 0);
  chat.received(from(alice, 'm2'), 'again');
  assert.deepEqual(read, ['m1', 'm2'], 'the open conversation reads what arrives at once');
});

test('a message in another conversation waits for that one to be opened', () => {
  const read = [];
  const chat = new Conversations((message) => read.push(message.id));
  chat.select(alice);
  chat.received(from(bob, 'm1'), 'hi');
  assert.deepEqual(read, []);
  assert.equal(chat.unreadCount(bob), 1);
  chat.select(bob);
  assert.deepEqual(read, ['m1']);
});

test('a message of ours only moves forward: a late relayed step does not undo delivered', () => {
  const chat = new Conversations(() => {});
  chat.select(alice);
  chat.sent(alice, 'x', 'text');
  assert.equal(chat.shown()[0].status, 'pending');
  assert.ok(chat.statusChanged('x', 'delivered'));
  assert.ok(chat.statusChanged('x', 'relayed'));
  assert.equal(chat.shown()[0].status, 'delivered');
  chat.statusChanged('x', 'read');
  assert.equal(chat.shown()[0].status, 'read');
  assert.equal(chat.statusChanged('unknown', 'read'), false);
});

test('the marks are the issue\'s: one tick relayed, two delivered', () => {
  assert.equal(MARKS.relayed, '✓');
  assert.equal(MARKS.delivered, '✓✓');
});

test('a conversation keeps its last 500 messages', () => {
  const chat = new Conversations(() => {});
  chat.select(alice);
  for (let i = 0; i < 510; i++) {
    chat.sent(alice, `m${i}`, 'x');
  }
  assert.equal(chat.shown().length, 500);
  assert.equal(chat.shown()[0].id, 'm10');
});

test('adding a known peer again keeps its conversation and only relabels it', () => {
  const chat = new Conversations(() => {});
  chat.sent(alice, 'm', 'x');
  chat.addPeer(alice, 'endpoint');
  chat.select(alice);
  assert.equal(chat.shown().length, 1);
  assert.equal(chat.peers.get(alice).label, 'endpoint');
});

test('a message of ours dropped with the oldest of its conversation no longer takes status steps', () => {
  const chat = new Conversations(() => {});
  chat.select(alice);
  for (let i = 0; i < 501; i++) {
    chat.sent(alice, `m${i}`, 'x');
  }
  assert.equal(chat.statusChanged('m0', 'delivered'), false);
  assert.equal(chat.statusOf('m0'), undefined);
  assert.equal(chat.statusChanged('m500', 'delivered'), true);
  assert.equal(chat.statusOf('m500'), 'delivered');
});

test('a message given up is marked failed, but never one already delivered', () => {
  const chat = new Conversations(() => {});
  chat.sent(alice, 'lost', 'x');
  chat.sent(alice, 'late', 'y');
  chat.statusChanged('lost', 'failed');
  chat.statusChanged('late', 'delivered');
  chat.statusChanged('late', 'failed');
  chat.statusChanged('lost', 'delivered');
  assert.equal(chat.statusOf('lost'), 'failed');
  assert.equal(chat.statusOf('late'), 'delivered');
  assert.equal(MARKS.failed, '✗');
});
