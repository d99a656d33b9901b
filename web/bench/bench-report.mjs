// Statistics and the two outputs of the player benchmark: bench/results.json (merged: figures of
// other benchmarks are kept) and docs/benchmarks-player.md (rewritten).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

export function median(values) {
  return percentile(values, 0.5);
}

/** The value below which `share` of the values lie (nearest rank on sorted values). */
export function percentile(values, share) {
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index];
}

/** "Intel(R) Xeon(R) Processor, 2 cores, 24 GiB", as the other benchmarks write it. */
export function describeMachine() {
  const processors = cpus();
  return `${processors[0]?.model.trim() ?? "unknown CPU"}, ${processors.length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB`;
}

function mergeFigures(resultsPath, figures) {
  const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : { figures: [] };
  const replaced = new Set(figures.map((figure) => figure.name));
  const kept = (results.figures ?? []).filter((figure) => !replaced.has(figure.name));
  // keys in the order the other benchmarks write them (alphabetical)
  const written = figures.map(({ baseline, machine, name, target, unit, value }) => ({ baseline, machine, name, target, unit, value }));
  writeFileSync(resultsPath, `${JSON.stringify({ ...results, figures: [...kept, ...written] }, null, 2)}\n`);
}

function formatValue(value) {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

function documentText({ figures, sessions, seeks, firstFrames }) {
  const rows = figures.map((figure) => `| \`${figure.name}\` | ${formatValue(figure.value)} | ${figure.unit} | ${figure.baseline} | ${figure.target} |`);
  return `# Player benchmarks

Written by \`node web/bench/player-bench.mjs\` (see the script's header); do not edit by hand.
The same figures are merged into \`bench/results.json\`.

- Machine: ${figures[0].machine}
- Browser: Debian's Chromium, headless, driven by playwright-core; the real \`reel\` binary serving \`web/dist\`.
- Sessions: generated and posted through \`/api/v1/ingest\` (tests/browser/player/synthetic-session.mjs): a
  shop-like page, mouse movement every second, a text change every 5 s, console output every minute,
  one batch per minute and a keyframe (Meta + FullSnapshot) every 5 minutes, as the SDK's periodic
  snapshot makes. 4 hours: ${sessions.long.eventCount} events; 5 minutes: ${sessions.short.eventCount} events.

| figure | value | unit | same-run baseline | target |
|---|---|---|---|---|
${rows.join("\n")}

## How each figure is measured
- **First frame**: a page load of \`/replays/{id}\` in a logged-in tab (bundle in the browser cache,
  after one warm-up load per session); the player stamps \`performance.now()\` (from navigation start)
  in the animation frame after rrweb built the first page. It covers the HTML, \`/api/v1/me\`, the
  session, and one \`?at_ms=&window_ms=20000\` window. Runs (ms): 4 h ${firstFrames.long.map(Math.round).join(", ")};
  5 min ${firstFrames.short.map(Math.round).join(", ")}.
- **Seek**: ${seeks.long.length} clicks on the timeline at points spread over the session (golden-ratio steps),
  each timed by the player from the seek to the animation frame after the new page is built. A
  seek outside the loaded stretch loads the keyframe window before the target and builds a new
  Replayer; one inside it replays from the nearest keyframe. Seeks (ms), 4 h: ${seeks.long.map(Math.round).join(", ")}.
- **Heap**: a fresh tab opens the session, reads the whole recording's summary (event stream,
  console, idle periods), plays 15 s at 8x and pauses; then CDP \`HeapProfiler.collectGarbage\`
  (twice) and \`Runtime.getHeapUsage\`. The player holds one Replayer with the stretch from the
  keyframe before the playhead (dropping what is more than a minute behind a newer keyframe) to a
  little ahead, and a summary whose size is bounded, so the 4-hour session costs about what the
  5-minute one does.
`;
}

export function writeBenchmarkReport({ resultsPath, documentPath, figures, sessions, seeks, firstFrames }) {
  mergeFigures(resultsPath, figures);
  writeFileSync(documentPath, documentText({ figures, sessions, seeks, firstFrames }));
}
