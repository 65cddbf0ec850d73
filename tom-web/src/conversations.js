// What the chat page shows, apart from the page itself: the peers, each conversation, where each message of ours
// stands, and which received messages are still unread. The page renders it after every change; the rules (a
// message is read when its conversation is open on a visible page, never earlier) live here and are tested under
// Node.js.

/** Status marks as the page shows them: ✓ relayed, ✓✓ delivered, read in colour. */
export const MARKS = Object.freeze({ pending: '…', relayed: '✓', delivered: '✓✓', read: '✓✓', failed: '✗' });

/** A message only moves forward; failed comes after pending and relayed, never after delivered. */
const RANK = { pending: 0, relayed: 1, failed: 2, delivered: 3, read: 4 };
const MAX_MESSAGES_PER_PEER = 500;

export class Conversations {
  /**
   * @param {(message: {id: string, from: string, via: string[]}) => void} markRead  sends a read receipt
   */
  constructor(markRead) {
    this.markRead = markRead;
    /** @type {Map<string, {label: string, messages: object[], unread: object[]}>} */
    this.peers = new Map();
    this.selected = null;
    this.visible = true;
    /** Our own messages still kept, by id: a status step finds its message at once. */
    this.outgoing = new Map();
  }

  /** Adds `peer` to the list (again: only its label changes if one is given). */
  addPeer(peer, label = '') {
    const known = this.peers.get(peer);
    if (known === undefined) {
      this.peers.set(peer, { label, messages: [], unread: [] });
    } else if (label) {
      known.label = label;
    }
  }

  /** Opens the conversation with `peer`: everything it sent becomes read if the page is visible. */
  select(peer) {
    this.addPeer(peer);
    this.selected = peer;
    this.readWhatIsShown();
  }

  /** The page was hidden or shown again. */
  setVisible(visible) {
    this.visible = visible;
    this.readWhatIsShown();
  }

  /** A message of ours, just sent: its entry. */
  sent(peer, id, text) {
    this.addPeer(peer);
    return this.append(peer, { id, direction: 'out', text, status: 'pending' });
  }

  /**
   * A message of ours moved on; a late or out-of-order step never moves it back.
   *
   * @returns {boolean} whether it is one of ours still kept
   */
  statusChanged(id, status) {
    const message = this.outgoing.get(id);
    if (message === undefined) {
      return false;
    }
    if (RANK[status] > RANK[message.status] && message.status !== 'failed') {
      message.status = status;
    }
    return true;
  }

  /** Where a message of ours stands, or undefined if it is not kept. */
  statusOf(id) {
    return this.outgoing.get(id)?.status;
  }

  /** A message delivered to us: its entry. */
  received(message, text) {
    this.addPeer(message.from);
    const entry = this.append(message.from, { id: message.id, direction: 'in', text, message });
    this.peers.get(message.from).unread.push(entry);
    this.readWhatIsShown();
    return entry;
  }

  /** The messages of the open conversation, oldest first. */
  shown() {
    return this.selected === null ? [] : this.peers.get(this.selected).messages;
  }

  unreadCount(peer) {
    return this.peers.get(peer)?.unread.length ?? 0;
  }

  append(peer, entry) {
    const { messages } = this.peers.get(peer);
    messages.push(entry);
    if (entry.direction === 'out') {
      this.outgoing.set(entry.id, entry);
    }
    if (messages.length > MAX_MESSAGES_PER_PEER) {
      const dropped = messages.shift();
      this.outgoing.delete(dropped.id);
    }
    return entry;
  }

  readWhatIsShown() {
    if (this.selected === null || !this.visible) {
      return;
    }
    const peer = this.peers.get(this.selected);
    for (const entry of peer.unread.splice(0)) {
      this.markRead(entry.message);
    }
  }
}
