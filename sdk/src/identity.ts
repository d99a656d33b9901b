/** The device id (one per browser, persisted) and the user id (set by the host page, persisted). */

import type { KeyValueStorage } from "./storage";
import { normalizeUserId } from "./config";

export const DEVICE_ID_STORAGE_KEY = "reel.device_id";
export const USER_ID_STORAGE_KEY = "reel.user_id";
const DEVICE_ID_LENGTH_MAX = 200;

function formatUuidFromBytes(bytes: Uint8Array): string {
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random version-4 UUID, from the best source of randomness the browser offers. */
export function createRandomUuid(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") {
    return cryptoApi.randomUUID();
  }
  // randomUUID needs a secure context; getRandomValues works on plain http too
  return formatUuidFromBytes(cryptoApi.getRandomValues(new Uint8Array(16)));
}

export function loadOrCreateDeviceId(storage: KeyValueStorage, createUuid: () => string = createRandomUuid): string {
  const stored = storage.getItem(DEVICE_ID_STORAGE_KEY);
  if (stored !== null && stored.length > 0 && stored.length <= DEVICE_ID_LENGTH_MAX) {
    return stored;
  }
  const deviceId = createUuid();
  storage.setItem(DEVICE_ID_STORAGE_KEY, deviceId);
  return deviceId;
}

export function loadUserId(storage: KeyValueStorage): string | null {
  try {
    return normalizeUserId(storage.getItem(USER_ID_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function storeUserId(storage: KeyValueStorage, userId: string | null): void {
  if (userId === null) {
    storage.removeItem(USER_ID_STORAGE_KEY);
    return;
  }
  storage.setItem(USER_ID_STORAGE_KEY, userId);
}
