// Direct DataChannels between browser nodes, set up with no signalling server: the offer and the answer travel as
// Signal envelopes (docs/wire-spec.md §5.1), sealed to the peer and signed by the sender, over whatever path
// exists (the node that served the page relays them). The SDP carries the DTLS fingerprint, so the channel that
// comes up is bound to the node id that signed the offer or answer; every envelope on it is still verified as
// on any link. Candidates are gathered before the SDP is sent — host candidates, and the server-reflexive ones the
// page learns from the STUN answers of the node that served it (no outside STUN server) — so one offer and one
// answer set a channel up. Each message is `channel code ‖ frame`, as the Java node's webrtc transport writes
// them; this node takes envelope frames (channel 0) and ignores the others (a Java node's gossip).
import { randomId } from './crypto.js';

const CHANNEL_LABEL = 'tom-v1';
const ENVELOPE_CHANNEL = 0;
/** A channel not open by then is given up; the next conversation with the peer tries again. */
export const SETUP_TIMEOUT_MS = 15_000;
/** Bounds what a flood of offers can make this page hold. */
export const MAX_LINKS = 32;

export class DirectLinks {
  /**
   * @param {import('./node.js').BrowserNode} node  whose signalling and frames these links carry
   * @param {{relayVia: (peer: string) => string[], onChange?: (peer: string, open: boolean) => void,
   *   onFrame?: (peer: string, frame: Uint8Array) => void, iceServers?: RTCIceServer[],
   *   RTCPeerConnectionType?: typeof RTCPeerConnection}} options  `relayVia` names the relays a signal takes;
   *   `onFrame` takes what arrives (the node's by default); `iceServers` are where reflexive candidates come from
   */
  constructor(node, { relayVia, onChange = () => {}, onFrame = (peer, frame) => node.onFrame(peer, frame),
    iceServers = [], RTCPeerConnectionType = globalThis.RTCPeerConnection }) {
    this.node = node;
    this.iceServers = iceServers;
    this.onFrame = onFrame;
    this.relayVia = relayVia;
    this.onChange = onChange;
    this.RTCPeerConnectionType = RTCPeerConnectionType;
    /** @type {Map<string, {session: string, connection: RTCPeerConnection, channel: RTCDataChannel | null,
     *   open: boolean, offerer: boolean, timer: any}>} */
    this.links = new Map();
  }

  /** Whether this browser can make DataChannels at all. */
  get available() {
    return typeof this.RTCPeerConnectionType === 'function';
  }

  isOpen(peer) {
    return this.links.get(peer)?.open === true;
  }

  /** Sends `frame` to `peer` over its open channel; false if there is none. */
  send(peer, frame) {
    const link = this.links.get(peer);
    if (link?.open !== true || link.channel.readyState !== 'open') {
      return false;
    }
    const message = new Uint8Array(frame.length + 1);
    message[0] = ENVELOPE_CHANNEL;
    message.set(frame, 1);
    link.channel.send(message);
    return true;
  }

  /** Starts setting up a channel to `peer`, as the offerer, unless one exists or is being set up. */
  async connect(peer) {
    if (!this.available || this.links.has(peer) || this.links.size >= MAX_LINKS) {
      return;
    }
    const link = this.open(peer, randomId(), true);
    this.attach(peer, link, link.connection.createDataChannel(CHANNEL_LABEL, { ordered: true }));
    try {
      await link.connection.setLocalDescription(await link.connection.createOffer());
      await gathered(link.connection);
      if (this.links.get(peer) === link) {
        this.node.sendSignal(peer, { session: link.session, kind: 'offer', body: link.connection.localDescription.sdp },
          this.relayVia(peer));
      }
    } catch {
      this.drop(peer, link);
    }
  }

  /** Signalling for this node, from the BrowserNode's `signal` hook. */
  async onSignal({ from, session, kind, body }) {
    const link = this.links.get(from);
    if (kind === 'close') {
      if (link?.session === session) {
        this.drop(from, link);
      }
    } else if (kind === 'answer') {
      if (link?.session === session && link.offerer && link.connection.signalingState === 'have-local-offer') {
        await link.connection.setRemoteDescription({ type: 'answer', sdp: body }).catch(() => this.drop(from, link));
      }
    } else if (kind === 'offer') {
      await this.answer(from, session, body, link);
    }
  }

  async answer(peer, session, sdp, existing) {
    if (!this.available) {
      return;
    }
    if (existing !== undefined) {
      // both sides offered at once: the offer of the smaller node id wins, so exactly one channel comes up
      if (existing.offerer && !existing.open && this.node.id < peer) {
        return;
      }
      this.drop(peer, existing);
    }
    if (this.links.size >= MAX_LINKS) {
      return;
    }
    const link = this.open(peer, session, false);
    link.connection.ondatachannel = (event) => this.attach(peer, link, event.channel);
    try {
      await link.connection.setRemoteDescription({ type: 'offer', sdp });
      await link.connection.setLocalDescription(await link.connection.createAnswer());
      await gathered(link.connection);
      if (this.links.get(peer) === link) {
        this.node.sendSignal(peer, { session, kind: 'answer', body: link.connection.localDescription.sdp },
          this.relayVia(peer));
      }
    } catch {
      this.drop(peer, link);
    }
  }

  open(peer, session, offerer) {
    const connection = new this.RTCPeerConnectionType({ iceServers: this.iceServers });
    const link = { session, connection, channel: null, open: false, offerer, timer: null };
    link.timer = setTimeout(() => {
      if (!link.open) {
        this.drop(peer, link);
      }
    }, SETUP_TIMEOUT_MS);
    link.connection.onconnectionstatechange = () => {
      if (['failed', 'closed'].includes(link.connection.connectionState)) {
        this.drop(peer, link);
      }
    };
    this.links.set(peer, link);
    return link;
  }

  attach(peer, link, channel) {
    link.channel = channel;
    channel.binaryType = 'arraybuffer';
    channel.onopen = () => {
      if (this.links.get(peer) === link) {
        link.open = true;
        clearTimeout(link.timer);
        this.onChange(peer, true);
      }
    };
    // frames on the channel come from the peer whose signed SDP set it up; each is verified like any other
    channel.onmessage = (event) => {
      const message = new Uint8Array(event.data);
      if (message.length > 1 && message[0] === ENVELOPE_CHANNEL) {
        this.onFrame(peer, message.subarray(1));
      }
    };
    channel.onclose = () => this.drop(peer, link);
  }

  drop(peer, link) {
    if (this.links.get(peer) !== link) {
      return;
    }
    this.links.delete(peer);
    clearTimeout(link.timer);
    link.connection.close();
    if (link.open) {
      this.onChange(peer, false);
    }
  }

  /** Closes every channel. */
  close() {
    for (const [peer, link] of [...this.links]) {
      this.drop(peer, link);
    }
  }
}

/** Resolves once the connection has gathered its candidates (at most 2 s: host candidates come at once). */
function gathered(connection) {
  if (connection.iceGatheringState === 'complete') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      if (connection.iceGatheringState === 'complete') {
        connection.removeEventListener('icegatheringstatechange', done);
        resolve();
      }
    };
    connection.addEventListener('icegatheringstatechange', done);
    setTimeout(resolve, 2_000);
  });
}
