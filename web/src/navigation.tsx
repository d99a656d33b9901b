/** Client-side routing on the History API: no router library. */

import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { useSyncExternalStore } from "react";

const NAVIGATION_EVENT = "reel:navigate";

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) {
    window.history.replaceState(null, "", path);
  } else {
    window.history.pushState(null, "", path);
  }
  window.dispatchEvent(new Event(NAVIGATION_EVENT));
}

function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATION_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATION_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribeToLocation, () => window.location.pathname);
}

/** The query string (`?…`, or ""), re-read on every navigation. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribeToLocation, () => window.location.search);
}

export type Route =
  | { name: "login" }
  | { name: "home" }
  | { name: "session-list" }
  | { name: "replay"; sessionId: string }
  | { name: "segmentation" }
  | { name: "funnels" }
  | { name: "user-sessions" }
  | { name: "journeys" }
  | { name: "user-lookup" }
  | { name: "project-settings" }
  | { name: "organizations-settings" }
  | { name: "not-found" };

export function matchRoute(pathname: string): Route {
  if (pathname === "/login") {
    return { name: "login" };
  }
  if (pathname === "/" || pathname === "") {
    return { name: "home" };
  }
  if (pathname === "/replays" || pathname === "/replays/") {
    return { name: "session-list" };
  }
  if (pathname === "/analytics/segmentation" || pathname === "/analytics/segmentation/") {
    return { name: "segmentation" };
  }
  if (pathname === "/analytics/funnels" || pathname === "/analytics/funnels/") {
    return { name: "funnels" };
  }
  if (pathname === "/analytics/sessions" || pathname === "/analytics/sessions/") {
    return { name: "user-sessions" };
  }
  if (pathname === "/analytics/journeys" || pathname === "/analytics/journeys/") {
    return { name: "journeys" };
  }
  if (pathname === "/users" || pathname === "/users/") {
    return { name: "user-lookup" };
  }
  if (pathname === "/settings/project" || pathname === "/settings/project/") {
    return { name: "project-settings" };
  }
  if (pathname === "/settings/organizations" || pathname === "/settings/organizations/") {
    return { name: "organizations-settings" };
  }
  const replayMatch = /^\/replays\/([^/]+)\/?$/.exec(pathname);
  if (replayMatch !== null) {
    return { name: "replay", sessionId: decodeURIComponent(replayMatch[1]) };
  }
  return { name: "not-found" };
}

/** An <a> that navigates without reloading the page (modifier clicks still open new tabs). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, ...anchorProps } = props;
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...anchorProps} onClick={handleClick} />;
}
