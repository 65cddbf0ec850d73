// Drives the chat page of a node's web endpoint in headless Chromium (Debian's, through playwright-core), one
// browser context per tab (so each tab is its own node, with its own IndexedDB), for the Maven build's
// ChatPageInChromiumTest. Everything goes through the page as a user would: typing, clicking, reading the marks.
// Usage: node tools/chromium-page.js <page-url> <tabs>
//   in:  send <tab> <peer> <text>          add the peer if needed, open it, type and send (text: no spaces, _ for one)
//        await <tab> <id> <status>         wait until the message shows relayed, delivered or read
//        expect <tab> <peer> <text>        open the conversation with peer and wait for that text from it
//        screenshot <tab> <path>
//        direct <tab> <peer>               wait until the tab shows a direct DataChannel to the peer
//        measure <tab> <peer> <count> <bytes>  round trips, each from the send click to the delivered mark, timed
//                                              in the page (performance.now and a MutationObserver)
//        first <peer>                      a fresh tab (new identity): page load to the first message delivered
//   out: ready <tab 0 id> <endpoint id> [<tab 1 id> ...], sent <tab> <id>, status <tab> <id> <status>,
//        received <tab> <peer> <id> <relays it came through> <websocket|datachannel>, direct <tab> <peer>, screenshot <path>, round-trips <µs,...>, first-delivered <ms>,
//        failed <reason>
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const [url, tabCount = '1'] = process.argv.slice(2);
const say = (line) => process.stdout.write(`${line}\n`);
const TIMEOUT_MS = 10_000;

const LAUNCH = {
  executablePath: process.env.TOM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--allow-loopback-in-peer-connection'],
};
const browser = await chromium.launch(LAUNCH);

/** A new tab in its own context (its own IndexedDB, so its own node), online. */
async function openTab(name) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`${name}: ${error.message}\n`));
  page.on('console', (message) => process.stderr.write(`${name} console: ${message.text()}\n`));
  const started = performance.now();
  await page.goto(`${url}?identity=${name}`);
  await page.waitForSelector('#status[data-state="online"]', { timeout: TIMEOUT_MS });
  return { page, started, onlineMs: performance.now() - started };
}

const tabs = [];
for (let i = 0; i < Number(tabCount); i++) {
  tabs.push(await openTab(`tab${i}`));
}
const idOf = (page, selector) => page.textContent(selector);
const ids = await Promise.all(tabs.map(({ page }) => idOf(page, '#self')));
const endpoint = await idOf(tabs[0].page, '#endpoint');
process.stderr.write(`page online after ${tabs.map((t) => Math.round(t.onlineMs)).join(', ')} ms\n`);
say(['ready', ids[0], endpoint, ...ids.slice(1)].join(' '));

async function open(page, peer) {
  if (await page.locator(`#peers li[data-peer="${peer}"]`).count() === 0) {
    await page.fill('#peer-id', peer);
    await page.click('#add-peer button');
  }
  await page.click(`#peers li[data-peer="${peer}"]`);
}

const commands = {
  async send(tab, peer, text) {
    const { page } = tabs[tab];
    await open(page, peer);
    await page.fill('#text', text.replaceAll('_', ' '));
    await page.click('#send');
    return `sent ${tab} ${await page.locator('#messages li.out').last().getAttribute('data-id')}`;
  },
  async await(tab, id, status) {
    await tabs[tab].page.waitForSelector(`#messages li[data-id="${id}"][data-status="${status}"]`,
      { timeout: TIMEOUT_MS });
    return `status ${tab} ${id} ${status}`;
  },
  async expect(tab, peer, text) {
    const { page } = tabs[tab];
    await page.waitForSelector(`#peers li[data-peer="${peer}"]`, { timeout: TIMEOUT_MS });
    await open(page, peer);
    const message = page.locator('#messages li.in', { hasText: text.replaceAll('_', ' ') }).last();
    await message.waitFor({ timeout: TIMEOUT_MS });
    return `received ${tab} ${peer} ${await message.getAttribute('data-id')} ${await message.getAttribute('data-via')} `
      + `${await message.getAttribute('data-over')}`;
  },
  async direct(tab, peer) {
    await tabs[tab].page.waitForSelector(`#peers li[data-peer="${peer}"][data-direct="true"]`, { timeout: TIMEOUT_MS });
    return `direct ${tab} ${peer}`;
  },
  async measure(tab, peer, count, bytes) {
    const { page } = tabs[tab];
    await open(page, peer);
    const samples = await page.evaluate(async ({ count, text }) => {
      const list = document.getElementById('messages');
      const delivered = (id) => list.querySelector(`li[data-id="${id}"][data-status="delivered"]`) !== null;
      const times = [];
      for (let i = 0; i < count; i++) {
        document.getElementById('text').value = text;
        const start = performance.now();
        document.getElementById('compose').requestSubmit();
        const id = [...list.querySelectorAll('li.out')].pop().dataset.id;
        await new Promise((resolve) => {
          if (delivered(id)) {
            resolve();
            return;
          }
          const watch = new MutationObserver(() => {
            if (delivered(id)) {
              watch.disconnect();
              resolve();
            }
          });
          watch.observe(list, { childList: true, subtree: true, attributes: true });
        });
        times.push(Math.round((performance.now() - start) * 1000));
      }
      return times;
    }, { count: Number(count), text: 'x'.repeat(Number(bytes)) });
    return `round-trips ${samples.join(',')}`;
  },
  async first(peer) {
    const tab = await openTab(`fresh${Date.now()}`);
    await open(tab.page, peer);
    await tab.page.fill('#text', 'first');
    await tab.page.click('#send');
    const id = await tab.page.locator('#messages li.out').last().getAttribute('data-id');
    await tab.page.waitForSelector(`#messages li[data-id="${id}"][data-status="delivered"]`, { timeout: TIMEOUT_MS });
    const total = performance.now() - tab.started;
    await tab.page.context().close();
    return `first-delivered ${Math.round(total)} online ${Math.round(tab.onlineMs)}`;
  },
  async screenshot(tab, path) {
    await tabs[tab].page.screenshot({ path });
    return `screenshot ${path}`;
  },
};

// one command at a time, in order: each waits for the page
let queue = Promise.resolve();
createInterface({ input: process.stdin })
  .on('line', (line) => {
    const [verb, ...words] = line.trim().split(' ');
    queue = queue.then(async () => {
      try {
        say(await commands[verb](...words));
      } catch (e) {
        say(`failed ${verb}: ${e.message.split('\n')[0]}`);
      }
    });
  })
  .on('close', () => queue.then(() => browser.close()));
