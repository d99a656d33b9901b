/** Replay filters read back from JSON (the URL): each checked field by field, malformed ones dropped. */

import type { PerformedEvent, PropertyFilter, ReplayFilter } from "../api/replay-search-types";
import { isRecord, readFilters } from "../analytics/query-url";

function readOneFilter(value: unknown): PropertyFilter | null {
  const filters = readFilters([value]);
  return filters === null || filters === undefined ? null : filters[0];
}

function optionalCount(value: unknown): number | undefined | null {
  if (value === undefined || value === null) {
    return undefined;
  }
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

export function readPerformedEvent(value: unknown): PerformedEvent | null {
  if (!isRecord(value) || typeof value.event_type !== "string" || value.event_type === "") {
    return null;
  }
  const filters = readFilters(value.filters ?? []);
  return filters === null || filters === undefined ? null : { event_type: value.event_type, filters };
}

function readDuration(value: Record<string, unknown>): ReplayFilter | null {
  const minMs = optionalCount(value.min_ms);
  const maxMs = optionalCount(value.max_ms);
  if (minMs === null || maxMs === null || (minMs === undefined && maxMs === undefined)) {
    return null;
  }
  return { kind: "duration", ...(minMs === undefined ? {} : { min_ms: minMs }), ...(maxMs === undefined ? {} : { max_ms: maxMs }) };
}

/** One filter of the contract, or null when `value` is not one. */
export function readReplayFilter(value: unknown): ReplayFilter | null {
  if (!isRecord(value)) {
    return null;
  }
  switch (value.kind) {
    case "has_error":
    case "has_rage_click":
    case "has_dead_click":
      return { kind: value.kind };
    case "duration":
      return readDuration(value);
    case "country": {
      const countries = Array.isArray(value.countries) ? value.countries.filter((code): code is string => typeof code === "string" && /^[A-Z]{2}$/.test(code)) : [];
      return countries.length === 0 ? null : { kind: "country", countries };
    }
    case "url_visited":
      if ((value.operator !== "contains" && value.operator !== "is") || typeof value.value !== "string" || value.value === "") {
        return null;
      }
      return { kind: "url_visited", operator: value.operator, value: value.value };
    case "event_performed": {
      const performed = readPerformedEvent(value);
      return performed === null ? null : { kind: "event_performed", ...performed };
    }
    case "event_property":
    case "user_property": {
      const filter = readOneFilter(value.filter);
      return filter === null ? null : { kind: value.kind, filter };
    }
    case "cohort":
      return typeof value.cohort_id === "number" && Number.isInteger(value.cohort_id) ? { kind: "cohort", cohort_id: value.cohort_id } : null;
    default:
      return null;
  }
}
