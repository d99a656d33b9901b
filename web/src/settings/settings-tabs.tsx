/** The tabs of Settings: the current project's settings, and organizations with their projects. */

import { Link, usePathname } from "../navigation";

const SETTINGS_TABS = [
  { href: "/settings/project", label: "Project" },
  { href: "/settings/organizations", label: "Organizations & projects" },
];

export function SettingsTabs() {
  const pathname = usePathname().replace(/\/$/, "");
  return (
    <nav className="settings-tabs" aria-label="Settings">
      {SETTINGS_TABS.map((tab) => (
        <Link key={tab.href} href={tab.href} className="settings-tab" data-testid={`settings-tab-${tab.href.split("/").pop()}`} aria-current={pathname === tab.href ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
