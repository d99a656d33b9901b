/** The frame around logged-in pages: brand, navigation, the user and a log-out button. */

import type { ReactNode } from "react";
import { logOut } from "../api/client";
import type { User } from "../api/types";
import { Link, navigate, usePathname } from "../navigation";
import { ProjectSwitcher } from "./project-switcher";

const NAV_LINKS = [
  { href: "/", label: "Home", current: (pathname: string) => pathname === "/" },
  { href: "/replays", label: "Session Replays", current: (pathname: string) => pathname === "/replays" || pathname.startsWith("/replays/") },
  { href: "/analytics/segmentation", label: "Event Segmentation", current: (pathname: string) => pathname.startsWith("/analytics/segmentation") },
  { href: "/analytics/funnels", label: "Funnels", current: (pathname: string) => pathname.startsWith("/analytics/funnels") },
  { href: "/analytics/sessions", label: "User Sessions", current: (pathname: string) => pathname.startsWith("/analytics/sessions") },
  { href: "/analytics/journeys", label: "Journeys", current: (pathname: string) => pathname.startsWith("/analytics/journeys") },
  { href: "/users", label: "User Lookup", current: (pathname: string) => pathname.startsWith("/users") },
  { href: "/settings/project", label: "Settings", current: (pathname: string) => pathname.startsWith("/settings") },
];

export function AppShell(props: { user: User; children: ReactNode }) {
  const pathname = usePathname();
  const handleLogOut = async () => {
    try {
      await logOut();
    } finally {
      navigate("/login", { replace: true });
    }
  };
  return (
    <div className="app-shell">
      <header className="app-header">
        <Link className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          Reel
        </Link>
        <nav className="app-nav">
          {NAV_LINKS.map((link) => (
            <Link key={link.href} href={link.href} aria-current={link.current(pathname) ? "page" : undefined}>
              {link.label}
            </Link>
          ))}
          <a href="/demo/" target="_blank" rel="noreferrer">
            Demo shop ↗
          </a>
        </nav>
        <div className="app-user">
          <ProjectSwitcher />
          <span className="muted" data-testid="user-email">
            {props.user.email}
          </span>
          <button type="button" className="button-quiet" title={`Log out ${props.user.email}`} onClick={() => void handleLogOut()}>
            Log out
          </button>
        </div>
      </header>
      <div className="app-content">{props.children}</div>
    </div>
  );
}
