// A BrowserNode whose only link is this process's standard streams (line protocol: tools/commands.js), for the
// Maven build's JavaNodeTalksToBrowserNodeTest: frames for the neighbour go out as `frame <to-node-id> <hex>`.
// Usage: node tools/pipe-node.js <seed-hex> [compact|reference]
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

import { identityFromSeed } from '../src/crypto.js';
import { reportingNode, runCommands, say } from './commands.js';

const [seed, profile = 'compact'] = process.argv.slice(2);
const reporting = reportingNode(identityFromSeed(hexToBytes(seed)),
  (hop, frame) => say(`frame ${hop} ${bytesToHex(frame)}`), profile);
runCommands(reporting);
say(`ready ${reporting.node.id}`);
