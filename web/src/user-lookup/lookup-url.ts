/**
 * The User Lookup page's state in its URL, so a profile can be shared and reloaded:
 * `/users?q=<text>&by=<any|user_id|device_id|user_property>&property=<name>&user=<user_key>`.
 */

import type { UserSearchBy, UserSearchRequest } from "../api/user-lookup-types";

export const USER_LOOKUP_PATH = "/users";
export const SEARCH_BY_OPTIONS: readonly { value: UserSearchBy; label: string }[] = [
  { value: "any", label: "Any" },
  { value: "user_id", label: "User ID" },
  { value: "device_id", label: "Device ID" },
  { value: "user_property", label: "User property" },
];

export interface LookupLocation {
  search: UserSearchRequest | null;
  userKey: string | null;
}

function isSearchBy(value: string | null): value is UserSearchBy {
  return SEARCH_BY_OPTIONS.some((option) => option.value === value);
}

export function readLookupLocation(searchText: string): LookupLocation {
  const params = new URLSearchParams(searchText);
  const query = params.get("q");
  const byText = params.get("by");
  const by: UserSearchBy = isSearchBy(byText) ? byText : "any";
  const search: UserSearchRequest | null = query === null || query.trim() === "" ? null : { query, by };
  if (search !== null && by === "user_property") {
    search.property = params.get("property") ?? "";
  }
  const userKey = params.get("user");
  return { search, userKey: userKey === null || userKey === "" ? null : userKey };
}

export function lookupPath(location: LookupLocation): string {
  const params = new URLSearchParams();
  if (location.search !== null) {
    params.set("q", location.search.query);
    params.set("by", location.search.by);
    if (location.search.by === "user_property") {
      params.set("property", location.search.property ?? "");
    }
  }
  if (location.userKey !== null) {
    params.set("user", location.userKey);
  }
  const text = params.toString();
  return text === "" ? USER_LOOKUP_PATH : `${USER_LOOKUP_PATH}?${text}`;
}
