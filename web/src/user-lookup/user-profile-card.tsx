/** A user's profile: ids, first and last seen, country, platform, number of sessions and current properties. */

import type { UserProfile } from "../api/user-lookup-types";
import { formatDateTime } from "../format";

/** "Germany (DE)"; the bare code where the browser has no name for it; "—" for none. */
export function countryLabel(code: string | null): string {
  if (code === null || code === "") {
    return "—";
  }
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase());
    return name === undefined || name === code.toUpperCase() ? code : `${name} (${code.toUpperCase()})`;
  } catch {
    return code;
  }
}

/** A property value as text: strings as they are, anything else as JSON. */
export function propertyText(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  if (value === null || value === undefined) {
    return "—";
  }
  return JSON.stringify(value);
}

function Fact(props: { label: string; testId: string; children: string | number; valueMs?: number | null }) {
  return (
    <div className="profile-fact">
      <dt className="muted small">{props.label}</dt>
      <dd data-testid={props.testId} data-ms={props.valueMs ?? undefined}>
        {props.children}
      </dd>
    </div>
  );
}

const when = (epochMs: number | null) => (epochMs === null || epochMs === undefined ? "—" : formatDateTime(epochMs));

export function UserProfileCard(props: { user: UserProfile }) {
  const { user } = props;
  const properties = Object.entries(user.properties ?? {}).sort(([left], [right]) => left.localeCompare(right));
  return (
    <section className="profile-card" data-testid="user-profile" data-user-key={user.user_key}>
      <div className="profile-heading">
        <span className="profile-avatar" aria-hidden="true">
          {(user.user_id ?? user.user_key).slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h2 data-testid="profile-user-id">{user.user_id ?? "(no user id)"}</h2>
          <div className="muted small break-all" data-testid="profile-device-ids">
            {user.device_ids.length === 1 ? "Device " : "Devices "}
            {user.device_ids.join(", ") || "—"}
          </div>
        </div>
      </div>
      <dl className="profile-facts">
        <Fact label="First seen" testId="profile-first-seen" valueMs={user.first_seen_ms}>
          {when(user.first_seen_ms)}
        </Fact>
        <Fact label="Last seen" testId="profile-last-seen" valueMs={user.last_seen_ms}>
          {when(user.last_seen_ms)}
        </Fact>
        <Fact label="Country" testId="profile-country">
          {countryLabel(user.country)}
        </Fact>
        <Fact label="Platform" testId="profile-platform">
          {user.platform ?? "—"}
        </Fact>
        <Fact label="Sessions" testId="profile-session-count">
          {user.session_count}
        </Fact>
      </dl>
      <h3 className="profile-subheading">User properties</h3>
      {properties.length === 0 ? (
        <p className="muted small">No user properties.</p>
      ) : (
        <table className="profile-properties" data-testid="profile-properties">
          <tbody>
            {properties.map(([name, value]) => (
              <tr key={name} data-testid="profile-property" data-name={name}>
                <th scope="row">{name}</th>
                <td className="break-all">{propertyText(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
