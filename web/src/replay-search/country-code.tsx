/** A session's country: its ISO code, with the country's name on hover; a dash when unknown. */

const countryNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

export function countryName(code: string): string {
  try {
    return countryNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function CountryCode(props: { code: string | null }) {
  if (props.code === null || props.code === "") {
    return <span className="muted" title="Unknown country">—</span>;
  }
  return (
    <span className="country-code" title={countryName(props.code)}>
      {props.code}
    </span>
  );
}
