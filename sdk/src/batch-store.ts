/**
 * Unsent replay batches, kept in IndexedDB from the moment they are sealed until the server
 * acknowledges them, so a reload, a crash or a closed tab loses nothing: the next page load
 * sends them again (the server drops a (session, sequence) it already has). Bounded in count and
 * age. Without IndexedDB (old browsers, some private modes) nothing is kept.
 */

import type { Batch } from "./batch";

const DATABASE_NAME = "reel";
const OBJECT_STORE_NAME = "unsent_batches";

export interface StoredBatch {
  key: string;
  storedAtMs: number;
  batch: Batch;
}

export interface BatchStore {
  put(batch: Batch): void;
  remove(batch: Batch): void;
  /** Every stored batch, oldest first; drops the ones past the age or count limits. */
  loadAll(): Promise<Batch[]>;
}

export function batchKey(batch: Batch): string {
  return `${batch.deviceId}|${batch.sessionId}|${batch.sequence}`;
}

/** Which stored batches to keep: younger than `maxAgeMs`, the oldest `maxCount`. */
export function selectBatchesToKeep(stored: StoredBatch[], nowMs: number, maxAgeMs: number, maxCount: number): { keep: StoredBatch[]; drop: StoredBatch[] } {
  const ordered = [...stored].sort((first, second) => first.storedAtMs - second.storedAtMs || first.batch.sequence - second.batch.sequence);
  const keep: StoredBatch[] = [];
  const drop: StoredBatch[] = [];
  for (const item of ordered) {
    (nowMs - item.storedAtMs < maxAgeMs && keep.length < maxCount ? keep : drop).push(item);
  }
  return { keep, drop };
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function openIndexedDbBatchStore(nowMs: () => number, maxAgeMs: number, maxCount: number): BatchStore | null {
  if (typeof indexedDB === "undefined") {
    return null;
  }
  let opened: Promise<IDBDatabase | null>;
  try {
    const request = indexedDB.open(DATABASE_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE_NAME, { keyPath: "key" });
    opened = requestResult(request).catch(() => null);
  } catch {
    return null;
  }
  const withStore = (mode: IDBTransactionMode, action: (store: IDBObjectStore) => void): void => {
    void opened.then((database) => {
      try {
        if (database !== null) {
          action(database.transaction(OBJECT_STORE_NAME, mode).objectStore(OBJECT_STORE_NAME));
        }
      } catch {
        // quota or a closing database: the batch is still in memory
      }
    });
  };
  return {
    put(batch) {
      const item: StoredBatch = { key: batchKey(batch), storedAtMs: nowMs(), batch };
      withStore("readwrite", (store) => store.put(item));
    },
    remove(batch) {
      withStore("readwrite", (store) => store.delete(batchKey(batch)));
    },
    async loadAll() {
      const database = await opened;
      if (database === null) {
        return [];
      }
      try {
        const store = database.transaction(OBJECT_STORE_NAME, "readonly").objectStore(OBJECT_STORE_NAME);
        const { keep, drop } = selectBatchesToKeep((await requestResult(store.getAll())) as StoredBatch[], nowMs(), maxAgeMs, maxCount);
        withStore("readwrite", (writable) => drop.forEach((item) => writable.delete(item.key)));
        return keep.map((item) => item.batch);
      } catch {
        return [];
      }
    },
  };
}
