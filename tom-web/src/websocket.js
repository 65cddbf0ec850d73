// A browser node's first contact: the WebSocket of a node's web endpoint (the Java `ws` transport,
// ws://host:port/tom). The endpoint sends its node id and a challenge; this side proves its identity by signing
// "tom-ws-v1" ‖ challenge ‖ endpoint id ‖ own id; then ToM frames go both ways, each as one binary message
// 0x03 ‖ frame channel ‖ frame. Works with the browser's WebSocket and with Node.js's.
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';

import { sign } from './crypto.js';

const HELLO = 0x01;
const PROOF = 0x02;
const FRAME = 0x03;
const ENVELOPE_CHANNEL = 0;
const DOMAIN = new TextEncoder().encode('tom-ws-v1');

/**
 * Opens a link to the endpoint at `url` as `identity`.
 *
 * @returns {Promise<{endpoint: string, send: (hop: string, frame: Uint8Array) => void, close: () => void,
 *   onEnvelope: (frame: Uint8Array) => void, onClose: (reason: string) => void}>} once the challenge is answered;
 *   set `onEnvelope` to receive the endpoint's envelope frames
 */
export function connectToEndpoint(url, identity, WebSocketType = globalThis.WebSocket) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocketType(url);
    socket.binaryType = 'arraybuffer';
    let link = null;
    socket.onerror = () => {
      if (link === null) {
        reject(new Error(`cannot reach the endpoint at ${url}`));
      }
    };
    socket.onclose = (event) => {
      if (link === null) {
        reject(new Error(`the endpoint at ${url} closed the socket: ${event.reason || event.code}`));
      } else {
        link.onClose(event.reason || String(event.code));
      }
    };
    socket.onmessage = (event) => {
      const message = new Uint8Array(event.data);
      if (link === null) {
        if (message.length !== 65 || message[0] !== HELLO) {
          socket.close();
          reject(new Error('the endpoint did not greet with a challenge'));
          return;
        }
        const endpoint = message.subarray(1, 33);
        const challenge = message.subarray(33, 65);
        const own = hexToBytes(identity.nodeId);
        const signature = sign(identity, concatBytes(DOMAIN, challenge, endpoint, own));
        socket.send(concatBytes(Uint8Array.of(PROOF), own, signature));
        link = {
          endpoint: bytesToHex(endpoint),
          send(hop, frame) {
            if (hop !== link.endpoint) {
              throw new Error(`no link to ${hop.slice(0, 8)}: this node reaches the network through ${link.endpoint.slice(0, 8)}`);
            }
            socket.send(concatBytes(Uint8Array.of(FRAME, ENVELOPE_CHANNEL), frame));
          },
          close() {
            socket.close();
          },
          onEnvelope: () => {},
          onClose: () => {},
        };
        resolve(link);
        return;
      }
      if (message.length >= 2 && message[0] === FRAME && message[1] === ENVELOPE_CHANNEL) {
        link.onEnvelope(message.subarray(2));
      }
    };
  });
}
