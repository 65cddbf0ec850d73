// A BrowserNode whose only link is this process's standard streams, one line per event, for the Maven build's
// JavaNodeTalksToBrowserNodeTest (a Java node on the other end):
//   in:  frame <from-node-id> <hex>            a frame from the neighbour
//        send <to-node-id> <hex> [relay,...]   send a chat
//        read <from-node-id> <id>              mark a delivered message read
//   out: ready <own-node-id>
//        frame <to-node-id> <hex>              a frame for the neighbour
//        delivered <from-node-id> <id> <hex> <relays>
//        status <id> <relayed|delivered|read>
//        refused <reason>
// Usage: node tools/pipe-node.js <seed-hex> [compact|reference]
import { createInterface } from 'node:readline';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

import { BrowserNode } from '../src/node.js';
import { identityFromSeed } from '../src/crypto.js';

const [seed, profile = 'compact'] = process.argv.slice(2);
const say = (line) => process.stdout.write(`${line}\n`);
const delivered = new Map();
const node = new BrowserNode(identityFromSeed(hexToBytes(seed)), {
  send: (hop, frame) => say(`frame ${hop} ${bytesToHex(frame)}`),
  deliver: (m) => {
    delivered.set(`${m.from}:${m.id}`, m);
    say(`delivered ${m.from} ${m.id} ${bytesToHex(m.payload)} ${m.via.length}`);
  },
  statusChanged: (id, status) => say(`status ${id} ${status}`),
  profile,
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const [verb, who, hex, relays] = line.trim().split(' ');
  if (verb === 'frame') {
    const outcome = node.onFrame(who, hexToBytes(hex));
    if (typeof outcome === 'string' && outcome.startsWith('rejected.')) {
      say(`refused ${outcome.slice('rejected.'.length)}`);
    }
  } else if (verb === 'read') {
    node.markRead(delivered.get(`${who}:${hex}`));
  } else if (verb === 'send') {
    say(`sent ${node.sendChat(who, hexToBytes(hex), relays ? relays.split(',') : [])}`);
  }
});
say(`ready ${node.id}`);
