// Hostile bytes never get past the browser node's decoder or verifier in any other way than a WireError (decoder)
// or `false` (verifier), with the reasons the Java node counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

import { CanonicalWriter } from '../src/msgpack.js';
import { decodeEnvelope, encodeEnvelope, WireError } from '../src/wire.js';
import { generateIdentity, isValidNodeId, sign, verifyStrict } from '../src/crypto.js';

const file = fileURLToPath(new URL('../../docs/wire-vectors.json', import.meta.url));
const { vectors } = JSON.parse(readFileSync(file, 'utf8'));
const wireOf = (name) => hexToBytes(vectors.find((v) => v.name === name).envelope);

function refused(bytes, reason) {
  assert.throws(() => decodeEnvelope(bytes), (e) => e instanceof WireError && e.reason === reason);
}

function replaced(bytes, fromHex, toHex) {
  const hex = bytesToHex(bytes);
  assert.ok(hex.includes(fromHex), `${fromHex} occurs in the envelope`);
  return hexToBytes(hex.replace(fromHex, toHex));
}

test('an envelope mixing the two profiles is refused', () => {
  const wire = wireOf('chat-plain-compact');
  const { signature } = decodeEnvelope(wire).envelope;
  const asArray = bytesToHex(new CanonicalWriter('reference').bytes(signature).toBytes());
  refused(replaced(wire, 'c440' + bytesToHex(signature), asArray), 'malformed');
});

test('a bin header longer than needed is not canonical', () => {
  const wire = wireOf('chat-plain-compact');
  const { envelope } = decodeEnvelope(wire);
  const length = envelope.payload.length.toString(16).padStart(2, '0');
  refused(replaced(wire, 'c4' + length, 'c500' + length), 'non-canonical');
});

test('an integer written wider than needed is not canonical', () => {
  const wire = wireOf('chat-plain');
  // ttl 4, then encrypted false, are the last two bytes
  assert.equal(bytesToHex(wire.subarray(wire.length - 2)), '04c2');
  refused(hexToBytes(bytesToHex(wire.subarray(0, wire.length - 2)) + 'cc04c2'), 'non-canonical');
});

test('only the message path may be compact', () => {
  const store = decodeEnvelope(wireOf('backup-store')).envelope;
  assert.throws(() => encodeEnvelope(store, 'compact'), RangeError);
  const chat = wireOf('chat-plain-compact');
  // "Chat" (fixstr 4) becomes "BackupStore" (fixstr 11)
  refused(replaced(chat, 'a443686174', 'ab4261636b757053746f7265'), 'wrong-profile');
});

test('trailing bytes, unknown types and upper-case node ids are refused with their reasons', () => {
  const wire = wireOf('chat-plain');
  refused(Uint8Array.from([...wire, 0xc0]), 'trailing-bytes');
  refused(replaced(wire, 'a443686174', 'a443686175'), 'unknown-message-type');
  const from = decodeEnvelope(wire).envelope.from;
  const upper = bytesToHex(new TextEncoder().encode(from.toUpperCase()));
  refused(replaced(wire, bytesToHex(new TextEncoder().encode(from)), upper), 'bad-node-id');
});

test('every prefix and every single-byte change of an envelope is refused or decodes, nothing else', () => {
  for (const name of ['chat-encrypted', 'chat-encrypted-compact', 'ack-delivery-compact']) {
    const wire = wireOf(name);
    for (let end = 0; end < wire.length; end++) {
      assert.throws(() => decodeEnvelope(wire.subarray(0, end)), WireError);
    }
    for (let at = 0; at < wire.length; at++) {
      for (const value of [0x00, 0x7f, 0x80, 0xc1, 0xcc, 0xff]) {
        const changed = Uint8Array.from(wire);
        changed[at] = value;
        try {
          const { envelope, signingBytes } = decodeEnvelope(changed);
          if (!wire.every((b, i) => b === changed[i]) && !isTtlByte(wire, at)) {
            assert.equal(verifyStrict(envelope.from, signingBytes, envelope.signature), false, `${name}@${at}`);
          }
        } catch (e) {
          assert.ok(e instanceof WireError, `${name}@${at}=${value}: ${e}`);
        }
      }
    }
  }
});

function isTtlByte(wire, at) {
  return at === wire.length - 2; // the unsigned ttl: a relay may change it
}

test('the strict verifier refuses small-order keys, a non-canonical S and another signer', () => {
  const alice = generateIdentity();
  const message = new TextEncoder().encode('hello');
  const signature = sign(alice, message);
  assert.ok(verifyStrict(alice.nodeId, message, signature));
  const identityPoint = '01' + '00'.repeat(31);
  assert.equal(isValidNodeId(identityPoint), false);
  assert.equal(verifyStrict(identityPoint, message, signature), false);
  // S + L: the same signature mathematically, refused as non-canonical
  const L = (1n << 252n) + 27742317777372353535851937790883648493n;
  let s = 0n;
  for (let i = 63; i >= 32; i--) {
    s = (s << 8n) | BigInt(signature[i]);
  }
  const bumped = Uint8Array.from(signature);
  let value = s + L;
  for (let i = 32; i < 64; i++) {
    bumped[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  assert.equal(verifyStrict(alice.nodeId, message, bumped), false);
  assert.equal(verifyStrict(generateIdentity().nodeId, message, signature), false);
});
