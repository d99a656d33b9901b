/** The search box: the text, what to match it against ("by"), and the property name for "User property". */

import type { FormEvent } from "react";
import { useState } from "react";
import type { UserSearchBy, UserSearchRequest } from "../api/user-lookup-types";
import { SEARCH_BY_OPTIONS } from "./lookup-url";

const PLACEHOLDERS: Record<UserSearchBy, string> = {
  any: "User ID or device ID (starts with…)",
  user_id: "User ID (starts with…)",
  device_id: "Device ID (starts with…)",
  user_property: "Property value (contains…)",
};

export function UserSearchForm(props: { initial: UserSearchRequest | null; onSearch: (request: UserSearchRequest) => void }) {
  const [query, setQuery] = useState(props.initial?.query ?? "");
  const [by, setBy] = useState<UserSearchBy>(props.initial?.by ?? "any");
  const [property, setProperty] = useState(props.initial?.property ?? "");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim() === "") {
      setProblem("Type a user ID, device ID or property value.");
      return;
    }
    if (by === "user_property" && property.trim() === "") {
      setProblem("Name the user property to search in.");
      return;
    }
    setProblem(null);
    props.onSearch(by === "user_property" ? { query: query.trim(), by, property: property.trim() } : { query: query.trim(), by });
  };

  return (
    <form className="user-search-form" role="search" onSubmit={submit} data-testid="user-search-form">
      <label className="user-search-label" htmlFor="user-search-query">
        Find a user
      </label>
      <input
        id="user-search-query"
        type="search"
        data-testid="user-search-query"
        placeholder={PLACEHOLDERS[by]}
        value={query}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      <label className="user-search-row">
        <span className="muted small">By</span>
        <select data-testid="user-search-by" value={by} onChange={(event) => setBy(event.target.value as UserSearchBy)}>
          {SEARCH_BY_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {by === "user_property" && (
        <label className="user-search-row">
          <span className="muted small">Property</span>
          <input type="text" data-testid="user-search-property" placeholder="Name, e.g. plan" value={property} onChange={(event) => setProperty(event.target.value)} />
        </label>
      )}
      <button type="submit" className="button-run" data-testid="user-search-submit">
        Search
      </button>
      {problem !== null && (
        <p className="error-text small" role="alert" data-testid="user-search-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
