/**
 * Turns any value (console arguments, mostly) into a bounded JSON string: long strings are cut,
 * objects and arrays are cut in depth, keys and items, cycles are named, errors keep their stack,
 * DOM nodes are named by their type only (never their text or value).
 */

export interface SerializationLimits {
  stringLengthMax: number;
  depthMax: number;
  keysMax: number;
  itemsMax: number;
  stackLengthMax: number;
}

export const CONSOLE_SERIALIZATION_LIMITS: SerializationLimits = {
  stringLengthMax: 1_000,
  depthMax: 3,
  keysMax: 50,
  itemsMax: 50,
  stackLengthMax: 4_000,
};

export function truncateText(text: string, lengthMax: number): string {
  return text.length > lengthMax ? `${text.slice(0, lengthMax)}… (${text.length} characters)` : text;
}

/** `Error: message` and its stack (V8's stack already starts with the message). */
export function describeError(error: Error, lengthMax: number): string {
  const headline = `${error.name}: ${error.message}`;
  const stack = typeof error.stack === "string" ? error.stack : "";
  return truncateText(stack.includes(error.message) ? stack : stack === "" ? headline : `${headline}\n${stack}`, lengthMax);
}

function toBoundedJson(value: unknown, depth: number, seen: Set<object>, limits: SerializationLimits): unknown {
  switch (typeof value) {
    case "string":
      return truncateText(value, limits.stringLengthMax);
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    case "function":
      return `[function ${value.name || "anonymous"}]`;
    case "object":
      break;
    default:
      return String(value); // undefined, bigint, symbol
  }
  if (value === null) {
    return null;
  }
  const object = value as object;
  if (object instanceof Error) {
    return describeError(object, limits.stackLengthMax);
  }
  if (typeof Node === "function" && object instanceof Node) {
    return String(object); // "[object HTMLInputElement]": never a node's text or value
  }
  if (seen.has(object)) {
    return "[circular]";
  }
  if (depth >= limits.depthMax) {
    return Array.isArray(object) ? `[array of ${object.length}]` : "[object]";
  }
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.slice(0, limits.itemsMax).map((item) => toBoundedJson(item, depth + 1, seen, limits));
      if (object.length > limits.itemsMax) {
        items.push(`… ${object.length - limits.itemsMax} more items`);
      }
      return items;
    }
    const copy: Record<string, unknown> = {};
    const keys = Object.keys(object);
    for (const key of keys.slice(0, limits.keysMax)) {
      let property: unknown;
      try {
        property = (object as Record<string, unknown>)[key];
      } catch {
        property = "[unreadable]";
      }
      copy[key] = toBoundedJson(property, depth + 1, seen, limits);
    }
    if (keys.length > limits.keysMax) {
      copy["…"] = `${keys.length - limits.keysMax} more keys`;
    }
    return copy;
  } finally {
    seen.delete(object);
  }
}

/** A JSON string of `value` within `limits`; never throws. */
export function serializeBounded(value: unknown, limits: SerializationLimits = CONSOLE_SERIALIZATION_LIMITS): string {
  try {
    return JSON.stringify(toBoundedJson(value, 0, new Set(), limits)) ?? '"undefined"';
  } catch {
    return JSON.stringify("[unserializable]");
  }
}

/**
 * Serializes each argument; once the running total passes `totalLengthMax` characters, the
 * remaining arguments become one marker.
 */
export function serializeArguments(values: unknown[], totalLengthMax: number, limits: SerializationLimits = CONSOLE_SERIALIZATION_LIMITS): string[] {
  const serialized: string[] = [];
  let totalLength = 0;
  for (let index = 0; index < values.length; index += 1) {
    const text = serializeBounded(values[index], limits);
    if (totalLength + text.length > totalLengthMax) {
      serialized.push(JSON.stringify(`[${values.length - index} more arguments cut: over ${totalLengthMax} characters]`));
      break;
    }
    totalLength += text.length;
    serialized.push(text);
  }
  return serialized;
}
