// The browser node's identity kept across visits: its Ed25519 seed in IndexedDB, one per name (a page address's
// ?identity=NAME picks one, so one browser can hold several nodes). The seed never leaves this origin's storage.
const DATABASE = 'tom';
const STORE = 'identities';

function opened() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function settled(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The seed stored under `name`, made and stored on first use.
 *
 * @returns {Promise<Uint8Array>} 32 bytes
 */
export async function storedSeed(name) {
  const database = await opened();
  try {
    const existing = await settled(database.transaction(STORE).objectStore(STORE).get(name));
    if (existing !== undefined) {
      return new Uint8Array(existing);
    }
    const seed = crypto.getRandomValues(new Uint8Array(32));
    try {
      // add, not put: of two tabs that start at once, the second keeps the first one's identity
      await settled(database.transaction(STORE, 'readwrite').objectStore(STORE).add(seed, name));
      return seed;
    } catch {
      return new Uint8Array(await settled(database.transaction(STORE).objectStore(STORE).get(name)));
    }
  } finally {
    database.close();
  }
}
