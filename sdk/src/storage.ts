/**
 * A small key-value store: the browser's localStorage when it works, memory otherwise
 * (private modes, disabled storage, quota errors). Reads and writes never throw.
 */

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every stored key. */
  keys(): string[];
}

export function createMemoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => (values.has(key) ? (values.get(key) as string) : null),
    setItem: (key, value) => {
      values.set(key, String(value));
    },
    removeItem: (key) => {
      values.delete(key);
    },
    keys: () => Array.from(values.keys()),
  };
}

/** Wraps a Storage so that failures fall back to an in-memory copy instead of throwing. */
export function createSafeStorage(backing: Storage): KeyValueStorage {
  const memory = createMemoryStorage();
  return {
    getItem(key) {
      try {
        const value = backing.getItem(key);
        return value === null ? memory.getItem(key) : value;
      } catch {
        return memory.getItem(key);
      }
    },
    setItem(key, value) {
      memory.setItem(key, value);
      try {
        backing.setItem(key, value);
      } catch {
        // quota exceeded or storage disabled: the memory copy keeps this page consistent
      }
    },
    removeItem(key) {
      memory.removeItem(key);
      try {
        backing.removeItem(key);
      } catch {
        // nothing to do
      }
    },
    keys() {
      const keys = new Set(memory.keys());
      try {
        for (let index = 0; index < backing.length; index += 1) {
          keys.add(backing.key(index) as string);
        }
      } catch {
        // storage disabled: the memory copy is all there is
      }
      return [...keys];
    },
  };
}

export function openBrowserStorage(): KeyValueStorage {
  try {
    const local = globalThis.localStorage;
    const probeKey = "reel.probe";
    local.setItem(probeKey, "1");
    local.removeItem(probeKey);
    return createSafeStorage(local);
  } catch {
    return createMemoryStorage();
  }
}
