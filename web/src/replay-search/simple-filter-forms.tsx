/** Forms of the filters with plain fields: duration (seconds), country (ISO codes), URL visited. */

import { useState } from "react";
import type { FilterFormProps, FilterFormResult } from "./filter-form-frame";
import { FilterFormFrame } from "./filter-form-frame";

/** Seconds as typed, in ms; undefined when empty, null when not a number of seconds. */
function secondsToMs(text: string): number | undefined | null {
  if (text.trim() === "") {
    return undefined;
  }
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1_000) : null;
}

export function DurationFilterForm(props: FilterFormProps) {
  const [minimum, setMinimum] = useState("");
  const [maximum, setMaximum] = useState("");
  const submit = (): FilterFormResult => {
    const minMs = secondsToMs(minimum);
    const maxMs = secondsToMs(maximum);
    if (minMs === null || maxMs === null) {
      return "Durations are whole or decimal seconds, 0 or more.";
    }
    if (minMs === undefined && maxMs === undefined) {
      return "Give a minimum, a maximum or both.";
    }
    if (minMs !== undefined && maxMs !== undefined && minMs > maxMs) {
      return "The minimum is longer than the maximum.";
    }
    return { kind: "duration", ...(minMs === undefined ? {} : { min_ms: minMs }), ...(maxMs === undefined ? {} : { max_ms: maxMs }) };
  };
  return (
    <FilterFormFrame title="Duration" onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <div className="query-line">
        <label className="date-field">
          at least
          <input type="number" min="0" step="any" className="seconds-input" data-testid="duration-min" value={minimum} onChange={(event) => setMinimum(event.target.value)} />
        </label>
        <label className="date-field">
          at most
          <input type="number" min="0" step="any" className="seconds-input" data-testid="duration-max" value={maximum} onChange={(event) => setMaximum(event.target.value)} />
        </label>
        <span className="muted small">seconds</span>
      </div>
    </FilterFormFrame>
  );
}

export function CountryFilterForm(props: FilterFormProps) {
  const [codes, setCodes] = useState("");
  const submit = (): FilterFormResult => {
    const countries = [...new Set(codes.split(/[\s,]+/).map((code) => code.trim().toUpperCase()).filter((code) => code !== ""))];
    const wrong = countries.find((code) => !/^[A-Z]{2}$/.test(code));
    if (wrong !== undefined) {
      return `"${wrong}" is not a two-letter country code (ISO 3166-1, e.g. DE, US).`;
    }
    return countries.length === 0 ? "Give at least one country code, e.g. DE or US." : { kind: "country", countries };
  };
  return (
    <FilterFormFrame title="Country" onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <div className="query-line">
        <input
          type="text"
          className="query-values"
          aria-label="Country codes"
          data-testid="country-codes"
          placeholder="ISO codes, comma-separated: DE, US"
          value={codes}
          onChange={(event) => setCodes(event.target.value)}
        />
      </div>
    </FilterFormFrame>
  );
}

export function UrlVisitedFilterForm(props: FilterFormProps) {
  const [operator, setOperator] = useState<"contains" | "is">("contains");
  const [value, setValue] = useState("");
  const submit = (): FilterFormResult => (value.trim() === "" ? "Give the URL, or a part of it." : { kind: "url_visited", operator, value: value.trim() });
  return (
    <FilterFormFrame title="URL visited" onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <div className="query-line">
        <select aria-label="URL operator" data-testid="url-operator" value={operator} onChange={(event) => setOperator(event.target.value as "contains" | "is")}>
          <option value="contains">contains</option>
          <option value="is">is</option>
        </select>
        <input
          type="text"
          className="query-values"
          aria-label="URL"
          data-testid="url-value"
          placeholder={operator === "is" ? "https://shop.example/cart" : "/checkout"}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
    </FilterFormFrame>
  );
}
