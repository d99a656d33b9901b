/**
 * The replay workspace: the player (clock and URL, the replay, the timeline, the controls) and
 * beside it the event stream, the console and the session's details. See web/ARCHITECTURE.md.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SessionDetail } from "../api/types";
import { SessionDetails } from "../components/session-details";
import "./player.css";
import { ConsolePanel } from "./console-panel";
import { buildEventStream } from "./event-stream";
import { EventStreamPanel } from "./event-stream-panel";
import type { PlayerAction } from "./keyboard-shortcuts";
import { SKIP_STEP_MS, nextSpeed } from "./keyboard-shortcuts";
import { KeyboardShortcutsPanel } from "./keyboard-shortcuts-panel";
import { PlayerControls } from "./player-controls";
import { PlayerHeader } from "./player-header";
import { PlayerTimeline } from "./player-timeline";
import { gapAt, gapsBetween, nextKeyframeAtOrAfter } from "./recording-gaps";
import { replayMomentUrl } from "./replay-link";
import { ReplayStageOverlays } from "./replay-stage-overlays";
import { clockZone } from "./session-clock";
import { streamSourceNote, useCurrentPageUrl } from "./stream-sources";
import { timelineMarkers } from "./timeline-markers";
import { useFullscreen } from "./use-fullscreen";
import { usePlayerKeyboard } from "./use-player-keyboard";
import { useRecordingSummary } from "./use-recording-summary";
import { recordingEndOf, useReplayEngine } from "./use-replay-engine";
import { useSessionAnalyticsEvents } from "./use-session-analytics-events";

type SideTab = "events" | "console" | "session";

interface CopyStatus {
  url: string;
  copied: boolean;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ReplayPlayer(props: { detail: SessionDetail; startOffsetMs: number | null }) {
  const { detail } = props;
  const session = detail.session;
  const stageRef = useRef<HTMLDivElement | null>(null);
  const workspaceRef = useRef<HTMLDivElement | null>(null);
  const recordingStartMs = session.start_time_ms;
  const sessionEndMs = recordingEndOf(detail);
  const gaps = useMemo(() => detail.gaps ?? [], [detail]);
  const keyframesMs = useMemo(() => [...(detail.keyframes_ms ?? [])].sort((left, right) => left - right), [detail]);

  const { engine, state } = useReplayEngine(detail, stageRef, recordingStartMs + (props.startOffsetMs ?? 0));
  const recordingEndMs = Math.max(sessionEndMs, state.recordingEndMs);
  const summaryState = useRecordingSummary(session.id, recordingStartMs, sessionEndMs, state.firstFrameAtMs !== null);
  const analytics = useSessionAnalyticsEvents(session.id);
  const { summary } = summaryState;

  useEffect(() => engine?.setIdlePeriods(summary.idlePeriods), [engine, summary.idlePeriods]);

  const streamItems = useMemo(
    () => buildEventStream({ summary, analyticsEvents: analytics.events, signals: detail.signals ?? [] }),
    [summary, analytics.events, detail.signals],
  );
  const markers = useMemo(() => timelineMarkers(streamItems), [streamItems]);
  const zone = useMemo(() => clockZone(summary.recordedTimezone), [summary.recordedTimezone]);
  const currentUrl = useCurrentPageUrl(analytics.events, state);

  const [sideTab, setSideTab] = useState<SideTab>("events");
  const [expanded, setExpanded] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [copyStatus, setCopyStatus] = useState<CopyStatus | null>(null);
  const { isFullscreen, toggleFullscreen } = useFullscreen(workspaceRef);

  const seek = useCallback((timeMs: number) => engine?.seek(timeMs), [engine]);
  const copyLink = useCallback(async () => {
    const url = replayMomentUrl(window.location.origin, session.id, state.currentMs - recordingStartMs);
    setCopyStatus({ url, copied: await copyText(url) });
  }, [session.id, state.currentMs, recordingStartMs]);

  const handleAction = (action: PlayerAction) => {
    switch (action) {
      case "toggle-play":
        return engine?.togglePlay();
      case "skip-back":
        return engine?.skipBy(-SKIP_STEP_MS);
      case "skip-forward":
        return engine?.skipBy(SKIP_STEP_MS);
      case "slower":
        return engine?.setSpeed(nextSpeed(state.speed, -1));
      case "faster":
        return engine?.setSpeed(nextSpeed(state.speed, 1));
      case "toggle-skip-inactivity":
        return engine?.setSkipInactivity(!state.skipInactivity);
      case "toggle-console":
        return setSideTab((tab) => (tab === "console" ? "events" : "console"));
      case "toggle-expand":
        return setExpanded((value) => !value);
      case "toggle-fullscreen":
        return toggleFullscreen();
      case "copy-link":
        return void copyLink();
      case "show-shortcuts":
        return setShortcutsOpen((open) => !open);
    }
  };
  usePlayerKeyboard(handleAction);

  const gapAtPlayhead = gapAt(gaps, state.currentMs);
  const gapsSoFar = gapsBetween(gaps, recordingStartMs, state.currentMs);
  const damagingGap = gapsSoFar.length > 0 ? gapsSoFar[gapsSoFar.length - 1] : null;
  const nextKeyframeMs = nextKeyframeAtOrAfter(keyframesMs, gapAtPlayhead?.end_ms ?? state.currentMs);
  const disabled = state.status !== "ready";

  return (
    <div className={`replay-workspace${expanded ? " replay-workspace--expanded" : ""}`} ref={workspaceRef} data-testid="replay-workspace" data-expanded={expanded ? "true" : "false"}>
      <section
        className="player"
        data-testid="player"
        data-status={state.status}
        data-current-ms={Math.round(state.currentMs)}
        data-playing={state.isPlaying ? "true" : "false"}
        data-seeking={state.isSeeking || state.isBuffering ? "true" : "false"}
        data-speed={state.speed}
        data-playable-from-ms={state.playableFromMs ?? ""}
        data-loaded-until-ms={state.loadedUntilMs ?? ""}
        data-held-event-count={state.heldEventCount ?? ""}
        data-replayer-builds={state.replayerBuildCount}
        data-first-frame-ms={state.firstFrameAtMs === null ? "" : state.firstFrameAtMs.toFixed(1)}
        data-last-seek-ms={state.lastSeekDurationMs === null ? "" : state.lastSeekDurationMs.toFixed(1)}
        data-seek-count={state.seekCount}
        data-summary-status={summaryState.status}
        data-events-source={analytics.status}
      >
        <PlayerHeader currentMs={state.currentMs} zone={zone} currentUrl={currentUrl} />
        <div className="replay-stage">
          <div className="replay-container" ref={stageRef} data-testid="replay-container" />
          <ReplayStageOverlays
            state={state}
            gapAtPlayhead={gapAtPlayhead}
            damagingGap={damagingGap}
            nextKeyframeMs={nextKeyframeMs}
            recordingStartMs={recordingStartMs}
            onSeek={seek}
          />
          {shortcutsOpen && <KeyboardShortcutsPanel onClose={() => setShortcutsOpen(false)} />}
        </div>
        <PlayerTimeline
          startMs={recordingStartMs}
          endMs={recordingEndMs}
          currentMs={state.currentMs}
          playableFromMs={state.playableFromMs}
          loadedUntilMs={state.loadedUntilMs}
          idlePeriods={summary.idlePeriods}
          gaps={gaps}
          markers={markers}
          disabled={disabled}
          onSeek={seek}
        />
        <PlayerControls
          disabled={disabled}
          isPlaying={state.isPlaying}
          currentOffsetMs={state.currentMs - recordingStartMs}
          totalMs={recordingEndMs - recordingStartMs}
          speed={state.speed}
          skipInactivity={state.skipInactivity}
          consoleOpen={sideTab === "console"}
          expanded={expanded}
          fullscreen={isFullscreen}
          shortcutsOpen={shortcutsOpen}
          onTogglePlay={() => handleAction("toggle-play")}
          onSkipBack={() => handleAction("skip-back")}
          onSkipForward={() => handleAction("skip-forward")}
          onSpeed={(speed) => engine?.setSpeed(speed)}
          onToggleSkipInactivity={() => handleAction("toggle-skip-inactivity")}
          onToggleConsole={() => handleAction("toggle-console")}
          onCopyLink={() => handleAction("copy-link")}
          onToggleShortcuts={() => handleAction("show-shortcuts")}
          onToggleExpand={() => handleAction("toggle-expand")}
          onToggleFullscreen={() => handleAction("toggle-fullscreen")}
        />
        {copyStatus !== null && (
          <div className="copy-status" data-testid="copy-link-status" data-url={copyStatus.url} data-copied={copyStatus.copied ? "true" : "false"} role="status">
            {copyStatus.copied ? "Link to this moment copied:" : "Copy this link to this moment:"}
            <input readOnly className="copy-status-url" value={copyStatus.url} onFocus={(event) => event.currentTarget.select()} aria-label="Link to this moment" />
            <button type="button" className="button-quiet" onClick={() => setCopyStatus(null)} aria-label="Dismiss">
              ✕
            </button>
          </div>
        )}
      </section>
      <aside className="side-panel replay-side" data-testid="replay-side">
        <div className="side-tabs" role="tablist">
          {(["events", "console", "session"] as SideTab[]).map((tab) => (
            <button type="button" key={tab} role="tab" className="side-tab" data-testid={`tab-${tab}`} aria-selected={sideTab === tab} onClick={() => setSideTab(tab)}>
              {tab === "events" ? "Events" : tab === "console" ? "Console" : "Session"}
            </button>
          ))}
        </div>
        {sideTab === "events" && (
          <EventStreamPanel
            items={streamItems}
            recordingStartMs={recordingStartMs}
            currentMs={state.currentMs}
            isPlaying={state.isPlaying}
            sourceNote={streamSourceNote(analytics.status, summaryState.status)}
            loading={summaryState.status !== "complete" && summaryState.status !== "failed"}
            onSeek={seek}
          />
        )}
        {sideTab === "console" && (
          <ConsolePanel
            entries={summary.consoleEntries}
            recordingStartMs={recordingStartMs}
            currentMs={state.currentMs}
            isPlaying={state.isPlaying}
            loading={summaryState.status !== "complete" && summaryState.status !== "failed"}
            onSeek={seek}
          />
        )}
        {sideTab === "session" && <SessionDetails session={session} />}
      </aside>
    </div>
  );
}
