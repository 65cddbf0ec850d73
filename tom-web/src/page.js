// The chat page a node's web endpoint serves (bundled into tom-page.js at build time): a BrowserNode whose identity
// is kept in IndexedDB, linked to the endpoint that served the page over its WebSocket, with a peers list, the
// conversation and the delivery marks. Messages to the endpoint's node go direct; to anyone else, through it as a
// relay until a direct DataChannel to that peer is up (set up by signalling through the endpoint, src/webrtc.js),
// then over it. A lost socket is opened again, sooner at first, then every 30 s at most.
import { isValidNodeId, identityFromSeed } from './crypto.js';
import { Conversations, MARKS } from './conversations.js';
import { storedSeed } from './identity-store.js';
import { BrowserNode } from './node.js';
import { DirectLinks } from './webrtc.js';
import { connectToEndpoint } from './websocket.js';

const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;
const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();
const $ = (id) => document.getElementById(id);
const short = (nodeId) => `${nodeId.slice(0, 8)}…${nodeId.slice(-4)}`;

const identityName = new URLSearchParams(location.search).get('identity') || 'default';
const identity = identityFromSeed(await storedSeed(identityName));
const endpointUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/tom`;
let link = null;

const node = new BrowserNode(identity, {
  send: (hop, frame) => {
    if (direct.send(hop, frame)) {
      return;
    }
    if (link === null) {
      throw new Error('not connected');
    }
    link.send(hop, frame);
  },
  deliver: (message) => {
    const entry = chat.received(message, decoder.decode(message.payload));
    entry.over = message.link;
    showNew(message.from, entry);
    renderPeers();
  },
  statusChanged: (id, status) => {
    if (chat.statusChanged(id, status) && shownItems.has(id)) {
      markItem(shownItems.get(id), chat.statusOf(id));
    }
  },
  signal: (signal) => direct.onSignal(signal),
  // a retry goes the way a new message would: direct when a channel is up, else through the endpoint's node
  route: (peer) => (link === null || peer === link.endpoint || direct.isOpen(peer) ? [] : [link.endpoint]),
});
const direct = new DirectLinks(node, {
  relayVia: (peer) => (link === null || peer === link.endpoint ? [] : [link.endpoint]),
  onChange: () => renderPeers(),
  onFrame: (peer, frame) => node.onFrame(peer, frame, 'datachannel'),
  // the node that served the page answers STUN on its port number over UDP (unless told not to)
  iceServers: [{ urls: `stun:${location.hostname}:${location.port || (location.protocol === 'https:' ? 443 : 80)}` }],
});
// a receipt that cannot be sent (offline) is counted by the node, never thrown: the message was delivered (lock 1)
const chat = new Conversations((message) => node.markRead(message));

$('self').textContent = identity.nodeId;
document.title = `ToM chat · ${short(identity.nodeId)}`;

function setStatus(state, text) {
  $('status').dataset.state = state;
  $('status').textContent = text;
}

/** The peers list and the compose form: small, drawn again whenever a peer, its unread count or the link changes. */
function renderPeers() {
  $('peers').replaceChildren(...[...chat.peers].map(([peer, { label }]) => {
    const item = document.createElement('li');
    item.dataset.peer = peer;
    item.title = peer;
    item.setAttribute('aria-selected', String(peer === chat.selected));
    item.append(short(peer));
    if (label) {
      item.append(Object.assign(document.createElement('span'), { className: 'label', textContent: label }));
    }
    item.dataset.direct = String(direct.isOpen(peer));
    if (direct.isOpen(peer)) {
      item.append(Object.assign(document.createElement('span'), { className: 'label', textContent: 'direct' }));
    }
    const unread = chat.unreadCount(peer);
    if (unread > 0) {
      item.append(Object.assign(document.createElement('span'), { className: 'unread', textContent: String(unread) }));
    }
    return item;
  }));
  const canSend = link !== null && chat.selected !== null;
  $('text').disabled = !canSend;
  $('send').disabled = !canSend;
}

// The conversation is drawn whole only when another one is opened; then each message is appended once and only its
// mark changes, so a long conversation costs the page no more per message than a short one.
const shownItems = new Map();
let shownPeer = null;

function messageItem(entry) {
  const item = document.createElement('li');
  item.className = entry.direction;
  item.dataset.id = entry.id;
  item.append(Object.assign(document.createElement('span'), { className: 'text', textContent: entry.text }));
  if (entry.direction === 'in') {
    item.dataset.via = String(entry.message.via.length);
    item.dataset.over = entry.over;
    item.title = entry.over === 'datachannel' ? 'came over a direct DataChannel' : 'came over the endpoint\'s socket';
  } else {
    item.append(Object.assign(document.createElement('span'), { className: 'mark' }));
    markItem(item, entry.status);
  }
  shownItems.set(entry.id, item);
  return item;
}

function markItem(item, status) {
  item.dataset.status = status;
  const mark = item.querySelector('.mark');
  mark.textContent = MARKS[status];
  mark.title = status;
}

function renderConversation() {
  shownItems.clear();
  shownPeer = chat.selected;
  if (shownPeer !== null && link !== null) {
    // a conversation: try a direct channel to that peer (the endpoint's node takes one if it has the webrtc plugin)
    direct.connect(shownPeer);
  }
  $('chat-title').textContent = shownPeer === null ? 'choose a peer' : `with ${shownPeer}`;
  $('messages').replaceChildren(...chat.shown().map(messageItem));
  $('messages').scrollTop = $('messages').scrollHeight;
}

function showNew(peer, entry) {
  if (peer !== shownPeer) {
    return;
  }
  const messages = $('messages');
  messages.append(messageItem(entry));
  // the conversation keeps its last messages only: so does the page
  while (messages.childElementCount > chat.shown().length) {
    shownItems.delete(messages.firstElementChild.dataset.id);
    messages.firstElementChild.remove();
  }
  messages.scrollTop = messages.scrollHeight;
}

$('peers').addEventListener('click', (event) => {
  const item = event.target.closest('li[data-peer]');
  if (item !== null) {
    chat.select(item.dataset.peer);
    renderPeers();
    renderConversation();
    $('text').focus();
  }
});

$('add-peer').addEventListener('submit', (event) => {
  event.preventDefault();
  const peer = $('peer-id').value.trim().toLowerCase();
  if (!isValidNodeId(peer)) {
    $('peer-id').setCustomValidity('not a node id: 64 hex digits of an Ed25519 public key');
    $('peer-id').reportValidity();
    return;
  }
  $('peer-id').value = '';
  chat.select(peer);
  renderPeers();
  renderConversation();
});
$('peer-id').addEventListener('input', () => $('peer-id').setCustomValidity(''));

$('compose').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value;
  const peer = chat.selected;
  if (text === '' || peer === null || link === null) {
    return;
  }
  const id = node.sendChat(peer, encoder.encode(text), node.hooks.route(peer));
  showNew(peer, chat.sent(peer, id, text));
  $('text').value = '';
});

document.addEventListener('visibilitychange', () => {
  chat.setVisible(document.visibilityState === 'visible');
  renderPeers();
});

async function connect(delay) {
  try {
    link = await connectToEndpoint(endpointUrl, identity);
  } catch (e) {
    setStatus('offline', `offline: ${e.message}; trying again in ${Math.round(delay / 1000)} s`);
    setTimeout(() => connect(Math.min(delay * 2, RECONNECT_MAX_MS)), delay);
    return;
  }
  link.onEnvelope = (frame) => node.onFrame(link.endpoint, frame, 'websocket');
  link.onClose = (reason) => {
    link = null;
    setStatus('offline', `offline (${reason})`);
    renderPeers();
    setTimeout(() => connect(RECONNECT_FIRST_MS), RECONNECT_FIRST_MS);
  };
  $('endpoint').textContent = link.endpoint;
  chat.addPeer(link.endpoint, 'endpoint');
  // the socket is the first contact: a DataChannel to the endpoint's node takes over if it offers WebRTC
  direct.connect(link.endpoint);
  setStatus('online', 'online');
  renderPeers();
}

renderPeers();
renderConversation();
connect(RECONNECT_FIRST_MS);
setInterval(() => node.tick(), 1_000);
