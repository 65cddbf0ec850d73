// The browser node's codec and crypto against docs/wire-vectors.json: every vector decodes in its profile,
// re-encodes to the same bytes, verifies, re-signs to the same signature from its seed, and every sealed payload
// opens — and seals again to the same bytes from the vector's ephemeral secret and nonce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';

import { decodeEnvelope, encodeEnvelope, decodeEncryptedPayload, encodeEncryptedPayload, decodeAck, decodeSignal,
  encodeSignal } from '../src/wire.js';
import { identityFromSeed, open, sealWith, sign, verifyStrict } from '../src/crypto.js';

const file = fileURLToPath(new URL('../../docs/wire-vectors.json', import.meta.url));
const { vectors, parties } = JSON.parse(readFileSync(file, 'utf8'));
const bytes = (hex) => (hex === null ? null : hexToBytes(hex));

test('the file holds vectors of both profiles', () => {
  assert.ok(vectors.length >= 20);
  assert.ok(vectors.some((v) => v.profile === 'compact'));
  assert.ok(vectors.some((v) => v.profile === 'reference'));
});

for (const vector of vectors) {
  test(`${vector.name}: decodes in the ${vector.profile} profile and re-encodes to the same bytes`, () => {
    const wire = bytes(vector.envelope);
    const decoded = decodeEnvelope(wire);
    assert.equal(decoded.profile, vector.profile);
    assert.equal(decoded.envelope.msgType, vector.msg_type);
    assert.equal(decoded.envelope.ttl, vector.ttl);
    assert.equal(bytesToHex(decoded.envelope.payload), vector.payload);
    assert.equal(bytesToHex(decoded.envelope.signature), vector.signature);
    assert.equal(bytesToHex(decoded.signingBytes), vector.signing_bytes);
    assert.equal(bytesToHex(encodeEnvelope(decoded.envelope, decoded.profile)), vector.envelope);
  });

  test(`${vector.name}: the signature holds strictly and is the sender seed's own`, () => {
    const { envelope, signingBytes } = decodeEnvelope(bytes(vector.envelope));
    const sender = identityFromSeed(bytes(vector.sender_seed));
    assert.equal(sender.nodeId, envelope.from);
    assert.ok(verifyStrict(envelope.from, signingBytes, envelope.signature));
    assert.equal(bytesToHex(sign(sender, signingBytes)), vector.signature);
    const tampered = Uint8Array.from(signingBytes);
    tampered[tampered.length - 2] ^= 1;
    assert.equal(verifyStrict(envelope.from, tampered, envelope.signature), false);
  });

  if (vector.ephemeral_secret !== null) {
    test(`${vector.name}: the sealed payload opens, and seals again to the same bytes`, () => {
      const { envelope, profile } = decodeEnvelope(bytes(vector.envelope));
      const sealed = decodeEncryptedPayload(envelope.payload, profile);
      const recipient = identityFromSeed(bytes(vector.recipient_seed));
      assert.equal(bytesToHex(open(recipient, sealed)), vector.plaintext);
      const again = sealWith(envelope.to, bytes(vector.plaintext), bytes(vector.ephemeral_secret), bytes(vector.nonce));
      assert.equal(bytesToHex(encodeEncryptedPayload(again, profile)), vector.payload);
    });
  }

  if (vector.msg_type === 'Signal') {
    test(`${vector.name}: the sealed signal is an offer for a session, written back the same`, () => {
      const signal = decodeSignal(bytes(vector.plaintext));
      assert.deepEqual(signal, { session: 'a1b2c3d4', kind: 'offer', body: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n' });
      assert.equal(bytesToHex(encodeSignal(signal)), vector.plaintext);
    });
  }

  if (vector.msg_type === 'Ack') {
    test(`${vector.name}: the acknowledgement names a chat of the vectors`, () => {
      const ack = decodeAck(bytes(vector.payload));
      const chats = vectors.filter((v) => v.msg_type === 'Chat').map((v) => decodeEnvelope(bytes(v.envelope)).envelope.id);
      assert.ok(chats.includes(ack.originalMessageId));
    });
  }
}

test('the parties are the seeds of the vectors', () => {
  const alice = vectors.find((v) => v.name === 'chat-plain');
  assert.equal(identityFromSeed(bytes(alice.sender_seed)).nodeId, parties.alice);
  assert.equal(identityFromSeed(bytes(alice.recipient_seed)).nodeId, parties.bob);
});
