// What the chat page shows, apart from the page itself: the peers, each conversation, where each message of ours
// stands, and which received messages are still unread. The page renders it after every change; the rules (a
// message is read when its conversation is open on a visible page, never earlier) live here and are tested under
// Node.js.

/** Status marks as the page shows them: ✓ relayed, ✓✓ delivered, read in colour. */
export const MARKS = Object.freeze({ pending: '…', relayed: '✓', delivered: '✓✓', read: '✓✓' });

const RANK = { pending: 0, relayed: 1, delivered: 2, read: 3 };
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

  /** A message of ours, just sent. */
  sent(peer, id, text) {
    this.addPeer(peer);
    this.append(peer, { id, direction: 'out', text, status: 'pending' });
  }

  /** A message of ours moved on; a late or out-of-order step never moves it back. */
  statusChanged(id, status) {
    for (const { messages } of this.peers.values()) {
      const message = messages.find((m) => m.id === id && m.direction === 'out');
      if (message !== undefined) {
        if (RANK[status] > RANK[message.status]) {
          message.status = status;
        }
        return true;
      }
    }
    return false;
  }

  /** A message delivered to us. */
  received(message, text) {
    this.addPeer(message.from);
    const entry = { id: message.id, direction: 'in', text, message };
    this.append(message.from, entry);
    this.peers.get(message.from).unread.push(entry);
    this.readWhatIsShown();
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
    if (messages.length > MAX_MESSAGES_PER_PEER) {
      messages.shift();
    }
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
