/**
 * The control bar: play/pause, back and forward 10 s, the time, the speed, skip inactivity, and the
 * buttons for the console, the link to this moment, the shortcuts, expand and full screen.
 */

import { formatPlayerTime } from "../format";
import { PLAYBACK_SPEEDS } from "./keyboard-shortcuts";
import {
  ConsoleIcon,
  ExpandIcon,
  FullscreenIcon,
  KeyboardIcon,
  LinkIcon,
  PauseIcon,
  PlayIcon,
  SkipBackIcon,
  SkipForwardIcon,
  SkipInactivityIcon,
} from "./player-icons";

export interface PlayerControlsProps {
  disabled: boolean;
  isPlaying: boolean;
  currentOffsetMs: number;
  totalMs: number;
  speed: number;
  skipInactivity: boolean;
  consoleOpen: boolean;
  expanded: boolean;
  fullscreen: boolean;
  shortcutsOpen: boolean;
  onTogglePlay(): void;
  onSkipBack(): void;
  onSkipForward(): void;
  onSpeed(speed: number): void;
  onToggleSkipInactivity(): void;
  onToggleConsole(): void;
  onCopyLink(): void;
  onToggleShortcuts(): void;
  onToggleExpand(): void;
  onToggleFullscreen(): void;
}

function speedLabel(speed: number): string {
  return speed === 0.5 ? "½×" : `${speed}×`;
}

export function PlayerControls(props: PlayerControlsProps) {
  return (
    <div className="player-controls">
      <button type="button" className="icon-button" data-testid="skip-back" aria-label="Back 10 seconds (←)" title="Back 10 seconds (←)" disabled={props.disabled} onClick={props.onSkipBack}>
        <SkipBackIcon />
      </button>
      <button
        type="button"
        className="play-button"
        data-testid="play-pause"
        data-state={props.isPlaying ? "playing" : "paused"}
        aria-label={props.isPlaying ? "Pause (space)" : "Play (space)"}
        title={props.isPlaying ? "Pause (space)" : "Play (space)"}
        disabled={props.disabled}
        onClick={props.onTogglePlay}
      >
        {props.isPlaying ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" className="icon-button" data-testid="skip-forward" aria-label="Forward 10 seconds (→)" title="Forward 10 seconds (→)" disabled={props.disabled} onClick={props.onSkipForward}>
        <SkipForwardIcon />
      </button>
      <span className="player-time">
        <span data-testid="current-time">{formatPlayerTime(props.currentOffsetMs)}</span>
        {" / "}
        <span data-testid="total-time">{formatPlayerTime(props.totalMs)}</span>
      </span>
      <div className="speed-group" role="group" aria-label="Playback speed" data-testid="speed-group">
        {PLAYBACK_SPEEDS.map((speed) => (
          <button
            type="button"
            key={speed}
            className="speed-button"
            data-testid={`speed-${speed}`}
            aria-pressed={props.speed === speed}
            title={`Play at ${speed}× (< and > change the speed)`}
            onClick={() => props.onSpeed(speed)}
          >
            {speedLabel(speed)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="toggle-button"
        data-testid="skip-inactivity"
        aria-pressed={props.skipInactivity}
        title="Skip inactivity: jump over stretches without user input (I)"
        onClick={props.onToggleSkipInactivity}
      >
        <SkipInactivityIcon /> Skip inactivity
      </button>
      <span className="controls-spacer" />
      <button type="button" className="icon-button" data-testid="console-toggle" aria-pressed={props.consoleOpen} aria-label="Console (C)" title="Console (C)" onClick={props.onToggleConsole}>
        <ConsoleIcon />
      </button>
      <button type="button" className="icon-button" data-testid="copy-link" aria-label="Copy a link to this moment (U)" title="Copy a link to this moment (U)" onClick={props.onCopyLink}>
        <LinkIcon />
      </button>
      <button type="button" className="icon-button" data-testid="shortcuts-toggle" aria-pressed={props.shortcutsOpen} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)" onClick={props.onToggleShortcuts}>
        <KeyboardIcon />
      </button>
      <button type="button" className="icon-button" data-testid="expand-toggle" aria-pressed={props.expanded} aria-label={props.expanded ? "Shrink the player (E)" : "Expand the player (E)"} title={props.expanded ? "Shrink (E)" : "Expand (E)"} onClick={props.onToggleExpand}>
        <ExpandIcon expanded={props.expanded} />
      </button>
      <button type="button" className="icon-button" data-testid="fullscreen-toggle" aria-pressed={props.fullscreen} aria-label="Full screen (F)" title="Full screen (F)" onClick={props.onToggleFullscreen}>
        <FullscreenIcon />
      </button>
    </div>
  );
}
