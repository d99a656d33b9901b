/** A property: its scope (event, user, built-in field) and its name. */

import type { PropertyRef, PropertyScope } from "../api/segmentation-types";

export const BUILTIN_FIELDS = [
  "user_id",
  "device_id",
  "session_id",
  "platform",
  "os_name",
  "os_version",
  "browser_name",
  "browser_version",
  "device_type",
  "language",
  "library",
] as const;

const SCOPE_LABELS: Record<PropertyScope, string> = { event: "Event property", user: "User property", builtin: "Built-in field" };
export const BUILTIN_FIELDS_LIST_ID = "segmentation-builtin-fields";

/** The datalist the name inputs offer for built-in fields; render once per page. */
export function BuiltinFieldsDatalist() {
  return (
    <datalist id={BUILTIN_FIELDS_LIST_ID}>
      {BUILTIN_FIELDS.map((field) => (
        <option key={field} value={field} />
      ))}
    </datalist>
  );
}

/** `fixedScope`: the scope is not a choice (e.g. a user's current properties); it is shown as a label. */
export function PropertyPicker(props: { property: PropertyRef; onChange: (property: PropertyRef) => void; testIdPrefix: string; label: string; fixedScope?: PropertyScope }) {
  const { property, onChange, testIdPrefix } = props;
  return (
    <span className="property-picker">
      {props.fixedScope !== undefined ? (
        <span className="property-scope-label" data-testid={`${testIdPrefix}-scope`}>
          {SCOPE_LABELS[props.fixedScope]}
        </span>
      ) : (
        <select
          aria-label={`${props.label} scope`}
          data-testid={`${testIdPrefix}-scope`}
          value={property.scope}
          onChange={(event) => onChange({ ...property, scope: event.target.value as PropertyScope })}
        >
          {(Object.keys(SCOPE_LABELS) as PropertyScope[]).map((scope) => (
            <option key={scope} value={scope}>
              {SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
      )}
      <input
        type="text"
        aria-label={`${props.label} name`}
        data-testid={`${testIdPrefix}-name`}
        placeholder={property.scope === "builtin" ? "e.g. browser_name" : "Property name"}
        list={property.scope === "builtin" ? BUILTIN_FIELDS_LIST_ID : undefined}
        value={property.name}
        onChange={(event) => onChange({ ...property, name: event.target.value })}
      />
    </span>
  );
}
