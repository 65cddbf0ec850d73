// The WebCrypto path (src/fast-crypto.js) against the JavaScript one (src/crypto.js): the same signatures, the same
// strict verdict on every Wycheproof Ed25519 vector and on hostile signatures (small-order R, S ≥ L, bad keys), and
// seals each side opens — or refuses alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

import { generateIdentity, open, seal, SMALL_ORDER_ENCODINGS, sign, verifyStrict } from '../src/crypto.js';
import { openFast, sealFast, signFast, verifyStrictFast, webCryptoSupported } from '../src/fast-crypto.js';

const wycheproof = JSON.parse(readFileSync(fileURLToPath(
  new URL('../../tom-crypto/src/test/resources/wycheproof/ed25519_test.json', import.meta.url)), 'utf8'));

test('this Node.js has WebCrypto Ed25519 and X25519, so the fast path is the one tested', async () => {
  assert.equal(await webCryptoSupported(), true);
});

test('every Wycheproof Ed25519 vector gets the same strict verdict from both paths', async () => {
  let compared = 0;
  for (const group of wycheproof.testGroups) {
    for (const vector of group.tests) {
      const slow = verifyStrict(group.publicKey.pk, hexToBytes(vector.msg), hexToBytes(vector.sig));
      const fast = await verifyStrictFast(group.publicKey.pk, hexToBytes(vector.msg), hexToBytes(vector.sig));
      assert.equal(fast, slow, `tcId ${vector.tcId} (${vector.comment})`);
      if (vector.result === 'valid') {
        assert.equal(fast, true, `tcId ${vector.tcId} is valid`);
      }
      compared += 1;
    }
  }
  assert.ok(compared > 100);
});

test('signatures are the same bytes, and hostile ones are refused by both', async () => {
  const signer = generateIdentity();
  for (let size = 0; size < 300; size += 37) {
    const message = crypto.getRandomValues(new Uint8Array(size));
    const signature = sign(signer, message);
    assert.equal(bytesToHex(await signFast(signer, message)), bytesToHex(signature));
    assert.equal(await verifyStrictFast(signer.nodeId, message, signature), true);

    const hostile = [
      Uint8Array.from([...hexToBytes(SMALL_ORDER_ENCODINGS[size % 8]), ...signature.subarray(32)]),
      Uint8Array.from([...signature.subarray(0, 32), ...new Uint8Array(32).fill(0xff)]),
      signature.subarray(0, 63),
    ];
    for (const bad of hostile) {
      assert.equal(await verifyStrictFast(signer.nodeId, message, bad), verifyStrict(signer.nodeId, message, bad));
      assert.equal(await verifyStrictFast(signer.nodeId, message, bad), false);
    }
  }
  const message = new Uint8Array([1, 2, 3]);
  for (const key of [SMALL_ORDER_ENCODINGS[0], 'f'.repeat(64), 'not hex']) {
    assert.equal(await verifyStrictFast(key, message, sign(signer, message)), false);
  }
});

test('what one path seals the other opens, and a small-order ephemeral key is refused by both', async () => {
  const recipient = generateIdentity();
  const plaintext = new TextEncoder().encode('across the two paths');
  assert.deepEqual(open(recipient, await sealFast(recipient.nodeId, plaintext)), plaintext);
  assert.deepEqual(await openFast(recipient, seal(recipient.nodeId, plaintext)), plaintext);

  const sealed = seal(recipient.nodeId, plaintext);
  const weak = { ...sealed, ephemeralPublicKey: new Uint8Array(32) };
  assert.throws(() => open(recipient, weak), /decryption failed/);
  await assert.rejects(openFast(recipient, weak), /decryption failed/);
  const tampered = { ...sealed, ciphertext: Uint8Array.from(sealed.ciphertext, (b, i) => (i === 0 ? b ^ 1 : b)) };
  await assert.rejects(openFast(recipient, tampered), /decryption failed/);
  await assert.rejects(sealFast('0'.repeat(64), plaintext), /not a valid node id/);
});
