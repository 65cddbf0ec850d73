// The line protocol of the tools that run a BrowserNode for the Maven build's tests (pipe-node.js, ws-node.js):
//   in:  frame <from-node-id> <hex>            a frame from the neighbour (pipe-node only)
//        send <to-node-id> <hex> [relay,...]   send a chat
//        read <from-node-id> <id>              mark a delivered message read
//   out: ready <own-node-id>, sent <id>, delivered <from-node-id> <id> <hex> <relays>,
//        status <id> <relayed|delivered|read>, refused <reason>
import { createInterface } from 'node:readline';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

import { BrowserNode } from '../src/node.js';

export const say = (line) => process.stdout.write(`${line}\n`);

/** A BrowserNode that reports on standard output and sends through `send(hop, frame)`. */
export function reportingNode(identity, send, profile = 'compact') {
  const delivered = new Map();
  const node = new BrowserNode(identity, {
    send,
    deliver: (m) => {
      delivered.set(`${m.from}:${m.id}`, m);
      say(`delivered ${m.from} ${m.id} ${bytesToHex(m.payload)} ${m.via.length}`);
    },
    statusChanged: (id, status) => say(`status ${id} ${status}`),
    profile,
  });
  return { node, delivered };
}

/** Takes a frame from the neighbour `hop`, reporting a refusal. */
export function take(node, hop, frame) {
  node.onFrame(hop, frame).then((outcome) => {
    if (outcome.startsWith('rejected.')) {
      say(`refused ${outcome.slice('rejected.'.length)}`);
    }
  });
}

/** Reads commands from standard input until it closes. */
export function runCommands({ node, delivered }) {
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [verb, who, hex, relays] = line.trim().split(' ');
    if (verb === 'frame') {
      take(node, who, hexToBytes(hex));
    } else if (verb === 'read') {
      node.markRead(delivered.get(`${who}:${hex}`));
    } else if (verb === 'send') {
      say(`sent ${node.sendChat(who, hexToBytes(hex), relays ? relays.split(',') : [])}`);
    }
  });
}
