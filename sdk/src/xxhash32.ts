/**
 * xxHash32 (Yann Collet's 32-bit xxHash), written from the algorithm's description. The SDK uses
 * it for one thing: deciding whether a session is in the replay sample, exactly as Amplitude's
 * SDKs do, so both SDKs agree on the same session.
 */

const PRIME_1 = 0x9e3779b1;
const PRIME_2 = 0x85ebca77;
const PRIME_3 = 0xc2b2ae3d;
const PRIME_4 = 0x27d4eb2f;
const PRIME_5 = 0x165667b1;

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

function readUint32LittleEndian(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24);
}

function accumulate(accumulator: number, lane: number): number {
  const mixed = (accumulator + Math.imul(lane, PRIME_2)) | 0;
  return Math.imul(rotateLeft(mixed, 13), PRIME_1);
}

/** The xxHash32 of `bytes` with `seed`, as an unsigned 32-bit integer. */
export function xxhash32(bytes: Uint8Array, seed = 0): number {
  const length = bytes.length;
  let offset = 0;
  let hash: number;
  if (length >= 16) {
    let lane1 = (seed + PRIME_1 + PRIME_2) | 0;
    let lane2 = (seed + PRIME_2) | 0;
    let lane3 = seed | 0;
    let lane4 = (seed - PRIME_1) | 0;
    for (; offset <= length - 16; offset += 16) {
      lane1 = accumulate(lane1, readUint32LittleEndian(bytes, offset));
      lane2 = accumulate(lane2, readUint32LittleEndian(bytes, offset + 4));
      lane3 = accumulate(lane3, readUint32LittleEndian(bytes, offset + 8));
      lane4 = accumulate(lane4, readUint32LittleEndian(bytes, offset + 12));
    }
    hash = (rotateLeft(lane1, 1) + rotateLeft(lane2, 7) + rotateLeft(lane3, 12) + rotateLeft(lane4, 18)) | 0;
  } else {
    hash = (seed + PRIME_5) | 0;
  }
  hash = (hash + length) | 0;
  for (; offset + 4 <= length; offset += 4) {
    hash = (hash + Math.imul(readUint32LittleEndian(bytes, offset), PRIME_3)) | 0;
    hash = Math.imul(rotateLeft(hash, 17), PRIME_4);
  }
  for (; offset < length; offset += 1) {
    hash = (hash + Math.imul(bytes[offset], PRIME_5)) | 0;
    hash = Math.imul(rotateLeft(hash, 11), PRIME_1);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, PRIME_2);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, PRIME_3);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** xxHash32 of the UTF-8 bytes of `text`. */
export function xxhash32OfText(text: string, seed = 0): number {
  return xxhash32(new TextEncoder().encode(text), seed);
}

/**
 * True when session `sessionId` is in a sample of `sampleRate` (0..1): xxHash32 (seed 0) of the
 * decimal session id, modulo 1,000,000, divided by 1,000,000, below the rate. Every page of a
 * session decides the same way.
 */
export function isSessionInSample(sessionId: number, sampleRate: number): boolean {
  if (sampleRate >= 1) {
    return true;
  }
  if (!(sampleRate > 0)) {
    return false;
  }
  return (xxhash32OfText(String(sessionId)) % 1_000_000) / 1_000_000 < sampleRate;
}
