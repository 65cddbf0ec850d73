// The browser node's codec against the Java node's, on fresh random envelopes both ways (run by the Maven build's
// BrowserCodecCrossCheckTest): node tools/cross-check.js <envelopes-from-java.json> <envelopes-for-java.json> [count]
// Checks every Java envelope (decode in its profile, strict signature, same bytes again, same fields, sealed ones
// open) and writes `count` envelopes of its own for the Java side to check the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

import { COMPACT_TYPES, MESSAGE_TYPES, decodeEncryptedPayload, decodeEnvelope, encodeEncryptedPayload, encodeEnvelope,
  signingBytes } from '../src/wire.js';
import { generateIdentity, identityFromSeed, open, seal, sign, verifyStrict } from '../src/crypto.js';

const [input, output, countText] = process.argv.slice(2);
const failures = [];
let checked = 0;

for (const [index, item] of JSON.parse(readFileSync(input, 'utf8')).entries()) {
  try {
    const wire = hexToBytes(item.wire);
    const { envelope, profile, signingBytes: signed } = decodeEnvelope(wire);
    expect(profile === item.profile, 'profile');
    expect(envelope.id === item.id && envelope.from === item.from && envelope.to === item.to, 'id, from, to');
    expect(JSON.stringify(envelope.via) === JSON.stringify(item.via), 'via');
    expect(envelope.msgType === item.msg_type && envelope.ttl === item.ttl, 'type, ttl');
    expect(envelope.timestamp === BigInt(item.timestamp), 'timestamp');
    expect(envelope.encrypted === item.encrypted, 'encrypted');
    expect(verifyStrict(envelope.from, signed, envelope.signature), 'signature');
    expect(bytesToHex(encodeEnvelope(envelope, profile)) === item.wire, 're-encoding');
    if (item.encrypted) {
      const plaintext = open(identityFromSeed(hexToBytes(item.recipient_seed)),
        decodeEncryptedPayload(envelope.payload, profile));
      expect(bytesToHex(plaintext) === item.plaintext, 'plaintext');
    } else {
      expect(bytesToHex(envelope.payload) === item.plaintext, 'payload');
    }
    checked++;
  } catch (e) {
    failures.push(`java envelope ${index} (${item.profile} ${item.msg_type}): ${e.message}`);
  }
}

function expect(condition, what) {
  if (!condition) {
    throw new Error(`${what} differs`);
  }
}

const ours = [];
const count = Number(countText ?? 200);
for (let i = 0; i < count; i++) {
  const sender = generateIdentity();
  const recipient = generateIdentity();
  const profile = i % 2 === 0 ? 'compact' : 'reference';
  const types = profile === 'compact' ? COMPACT_TYPES : MESSAGE_TYPES;
  const msgType = types[Math.floor(Math.random() * types.length)];
  const encrypted = msgType === 'Chat' && i % 3 !== 0;
  const plaintext = randomPayload(Math.floor(Math.random() * (i % 10 === 0 ? 70_000 : 600)));
  const payload = encrypted ? encodeEncryptedPayload(seal(recipient.nodeId, plaintext), profile) : plaintext;
  const envelope = {
    id: crypto.randomUUID(),
    from: sender.nodeId,
    to: recipient.nodeId,
    via: Array.from({ length: i % 5 }, () => generateIdentity().nodeId),
    msgType,
    payload,
    timestamp: [0n, 127n, 128n, 65_536n, 4_294_967_296n, 1_767_225_600_000n, (1n << 63n) - 1n][i % 7],
    signature: new Uint8Array(0),
    ttl: [0, 4, 127, 128, 2 ** 31 - 1][i % 5],
    encrypted,
  };
  envelope.signature = sign(sender, signingBytes(envelope, profile));
  ours.push({
    wire: bytesToHex(encodeEnvelope(envelope, profile)), profile, id: envelope.id, from: envelope.from,
    to: envelope.to, via: envelope.via, msg_type: msgType, timestamp: envelope.timestamp.toString(),
    ttl: envelope.ttl, encrypted, recipient_seed: bytesToHex(recipient.seed), plaintext: bytesToHex(plaintext),
  });
}
writeFileSync(output, JSON.stringify(ours));

/** Random bytes of any length (one call to the platform's generator gives at most 64 KiB). */
function randomPayload(length) {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) {
    out.set(randomBytes(Math.min(65_536, length - at)), at);
  }
  return out;
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`checked ${checked} Java envelopes; wrote ${ours.length} of ours`);
