// A BrowserNode linked to a node's web endpoint over its WebSocket, driven by the line protocol of
// tools/commands.js, for the Maven build's BrowserOverWebSocketTest.
// Usage: node --experimental-websocket tools/ws-node.js <ws://host:port/tom> <seed-hex>
import { hexToBytes } from '@noble/hashes/utils.js';

import { identityFromSeed } from '../src/crypto.js';
import { connectToEndpoint } from '../src/websocket.js';
import { reportingNode, runCommands, say, take } from './commands.js';

const [url, seed] = process.argv.slice(2);
const identity = identityFromSeed(hexToBytes(seed));
const link = await connectToEndpoint(url, identity);
const reporting = reportingNode(identity, (hop, frame) => link.send(hop, frame));
link.onEnvelope = (frame) => take(reporting.node, link.endpoint, frame);
link.onClose = (reason) => {
  say(`closed ${reason}`);
  process.exit(0);
};
runCommands(reporting);
say(`ready ${reporting.node.id} ${link.endpoint}`);
