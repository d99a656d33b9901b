/** Inline SVG icons for the player's buttons (no icon font, nothing fetched). */

import type { ReactNode } from "react";

function Icon(props: { children: ReactNode; size?: number }) {
  const size = props.size ?? 18;
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {props.children}
    </svg>
  );
}

export function PlayIcon() {
  return (
    <Icon>
      <path d="M7 4.5v15l13-7.5z" fill="currentColor" stroke="none" />
    </Icon>
  );
}

export function PauseIcon() {
  return (
    <Icon>
      <rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" stroke="none" />
      <rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" stroke="none" />
    </Icon>
  );
}

export function SkipBackIcon() {
  return (
    <Icon>
      <path d="M3 12a9 9 0 1 0 3-6.7" />
      <path d="M3 3v5h5" />
      <text x="12" y="15.5" fontSize="7.5" textAnchor="middle" fill="currentColor" stroke="none" fontFamily="system-ui, sans-serif">
        10
      </text>
    </Icon>
  );
}

export function SkipForwardIcon() {
  return (
    <Icon>
      <path d="M21 12a9 9 0 1 1-3-6.7" />
      <path d="M21 3v5h-5" />
      <text x="12" y="15.5" fontSize="7.5" textAnchor="middle" fill="currentColor" stroke="none" fontFamily="system-ui, sans-serif">
        10
      </text>
    </Icon>
  );
}

export function ConsoleIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M7 9l3 3-3 3M12 15h5" />
    </Icon>
  );
}

export function LinkIcon() {
  return (
    <Icon>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </Icon>
  );
}

export function ExpandIcon(props: { expanded: boolean }) {
  return <Icon>{props.expanded ? <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" /> : <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />}</Icon>;
}

export function FullscreenIcon() {
  return (
    <Icon>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M8 9H6v2M16 9h2v2M8 15H6v-2M16 15h2v-2" />
    </Icon>
  );
}

export function KeyboardIcon() {
  return (
    <Icon>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </Icon>
  );
}

export function SkipInactivityIcon() {
  return (
    <Icon>
      <path d="M5 5l7 7-7 7M13 5l7 7-7 7" />
    </Icon>
  );
}
