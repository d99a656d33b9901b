// The player on a 4-hour session against a 5-minute one, in real Chromium against the real reel
// binary: time to first frame, seek time, JS heap. Prints the figures, merges them into
// bench/results.json (other figures kept) and rewrites docs/benchmarks-player.md.
//
//   node web/bench/player-bench.mjs                 starts target/debug/reel (REEL_BIN to change)
//   REEL_URL=http://127.0.0.1:8080 REEL_ADMIN_EMAIL=… REEL_ADMIN_PASSWORD=… REEL_PROJECT_API_KEY=… \
//     node web/bench/player-bench.mjs               uses a running server instead
//
// Needs `npm run build` first (the binary serves web/dist) and Chromium (CHROMIUM_PATH).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tests/browser/launch-browser.mjs";
import { MINUTE_MS, SECOND_MS, ingestSession, logIn, playerState, storedSessionId, waitForSummary, waitUntilSettled } from "../../tests/browser/player/player-test-support.mjs";
import { syntheticSessionBatches } from "../../tests/browser/player/synthetic-session.mjs";
import { startReelServer } from "../../tests/browser/start-server.mjs";
import { describeMachine, median, percentile, writeBenchmarkReport } from "./bench-report.mjs";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIRST_FRAME_RUNS = 7;
const SEEK_COUNT = 25;
const PLAY_BEFORE_HEAP_MS = 15 * SECOND_MS;
const KEYFRAME_INTERVAL_MS = 5 * MINUTE_MS;

async function connectToServer() {
  if (process.env.REEL_URL === undefined) {
    return startReelServer();
  }
  for (const name of ["REEL_ADMIN_EMAIL", "REEL_ADMIN_PASSWORD", "REEL_PROJECT_API_KEY"]) {
    if (process.env[name] === undefined) {
      throw new Error(`REEL_URL is set: ${name} must be set too`);
    }
  }
  return {
    baseUrl: process.env.REEL_URL.replace(/\/$/, ""),
    adminEmail: process.env.REEL_ADMIN_EMAIL,
    adminPassword: process.env.REEL_ADMIN_PASSWORD,
    apiKey: process.env.REEL_PROJECT_API_KEY,
    stop: async () => undefined,
  };
}

/** The same synthetic recording (a keyframe every 5 minutes, as the SDK makes), at two lengths. */
async function ingestBenchSession(server, page, durationMs, startMs) {
  const batches = syntheticSessionBatches({ startMs, durationMs, keyframeIntervalMs: KEYFRAME_INTERVAL_MS, clickEveryMs: null });
  const { deviceId } = await ingestSession(server, { startMs, batches, userId: `bench-${durationMs / MINUTE_MS}min` });
  const eventCount = batches.reduce((total, batch) => total + batch.length, 0);
  return { sessionId: await storedSessionId(page, server, deviceId), durationMs, eventCount };
}

/** performance.now() of the first drawn frame, on a page load that starts the player from nothing. */
async function measureFirstFrame(page, server, session) {
  await page.goto(`${server.baseUrl}/replays/${session.sessionId}`);
  await page.locator('[data-testid="player"][data-first-frame-ms]:not([data-first-frame-ms=""])').waitFor({ timeout: 30_000 });
  return Number(await page.locator('[data-testid="player"]').getAttribute("data-first-frame-ms"));
}

/** Seeks by clicking the timeline at spread-out points; each figure is measured by the player from the seek to its first frame. */
async function measureSeeks(page, server, session) {
  await page.goto(`${server.baseUrl}/replays/${session.sessionId}`);
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor();
  await waitForSummary(page, 120_000);
  const durations = [];
  const bounds = await page.locator('[data-testid="progress"]').boundingBox();
  for (let index = 0; index < SEEK_COUNT; index += 1) {
    const fraction = ((index * 0.618034) % 1) * 0.98 + 0.01; // spread over the whole recording, never twice the same place
    const seekCountBefore = Number(await page.locator('[data-testid="player"]').getAttribute("data-seek-count"));
    await page.mouse.click(bounds.x + bounds.width * fraction, bounds.y + bounds.height / 2);
    await page.waitForFunction((count) => Number(document.querySelector('[data-testid="player"]').dataset.seekCount) > count, seekCountBefore, { timeout: 30_000 });
    await waitUntilSettled(page);
    durations.push(Number(await page.locator('[data-testid="player"]').getAttribute("data-last-seek-ms")));
  }
  return durations;
}

/** JS heap after opening, reading the whole recording's summary and playing at 8x, after two garbage collections. */
async function measureHeap(context, server, session) {
  const page = await context.newPage();
  try {
    await page.goto(`${server.baseUrl}/replays/${session.sessionId}`);
    await page.locator('[data-testid="player"][data-status="ready"]').waitFor();
    await waitForSummary(page, 120_000);
    await page.click('[data-testid="skip-inactivity"]');
    await page.click('[data-testid="speed-8"]');
    await page.click('[data-testid="play-pause"]');
    await new Promise((resolveWait) => setTimeout(resolveWait, PLAY_BEFORE_HEAP_MS));
    await page.click('[data-testid="play-pause"]');
    const held = (await playerState(page)).heldEventCount;
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    await cdp.detach();
    return { usedBytes: usedSize, heldEventCount: held };
  } finally {
    await page.close();
  }
}

async function main() {
  const server = await connectToServer();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await logIn(page, server);
    const nowMs = Date.now();
    const long = await ingestBenchSession(server, page, 4 * 60 * MINUTE_MS, nowMs - 10 * 60 * MINUTE_MS);
    const short = await ingestBenchSession(server, page, 5 * MINUTE_MS, nowMs - 5 * 60 * MINUTE_MS);
    console.log(`sessions: 4 h = ${long.eventCount} events, 5 min = ${short.eventCount} events`);

    await measureFirstFrame(page, server, short); // warm-up: browser cache, server caches
    await measureFirstFrame(page, server, long);
    const firstFrames = { long: [], short: [] };
    for (let run = 0; run < FIRST_FRAME_RUNS; run += 1) {
      firstFrames.short.push(await measureFirstFrame(page, server, short));
      firstFrames.long.push(await measureFirstFrame(page, server, long));
    }
    const seeksLong = await measureSeeks(page, server, long);
    const seeksShort = await measureSeeks(page, server, short);
    const heapShort = await measureHeap(browser.context, server, short);
    const heapLong = await measureHeap(browser.context, server, long);

    const firstFrameLongMs = median(firstFrames.long);
    const firstFrameShortMs = median(firstFrames.short);
    const megabytes = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    const machine = describeMachine();
    const figures = [
      {
        name: "player_first_frame_4h_ms",
        value: firstFrameLongMs,
        unit: "ms",
        baseline: `median of ${FIRST_FRAME_RUNS} page loads from navigation start to the first replayed frame (${firstFrames.long.map(Math.round).join(", ")} ms); 5-minute session: ${firstFrameShortMs.toFixed(0)} ms`,
        target: "<= 1000",
        machine,
      },
      {
        name: "player_first_frame_ratio_4h_vs_5min",
        value: firstFrameLongMs / firstFrameShortMs,
        unit: "ratio",
        baseline: `4 h median ${firstFrameLongMs.toFixed(0)} ms / 5 min median ${firstFrameShortMs.toFixed(0)} ms`,
        target: "<= 1.5",
        machine,
      },
      {
        name: "player_seek_ms",
        value: median(seeksLong),
        unit: "ms",
        baseline: `median of ${SEEK_COUNT} timeline clicks spread over the 4-hour session, from the seek to its first frame (p95 ${percentile(seeksLong, 0.95).toFixed(0)} ms, max ${Math.max(...seeksLong).toFixed(0)} ms); 5-minute session: median ${median(seeksShort).toFixed(0)} ms`,
        target: "<= 500",
        machine,
      },
      {
        name: "player_heap_ratio_4h_vs_5min",
        value: heapLong.usedBytes / heapShort.usedBytes,
        unit: "ratio",
        baseline: `JS heap after GC, having opened, summarised and played 15 s at 8x: 4 h ${megabytes(heapLong.usedBytes)} MiB (${heapLong.heldEventCount} events held) / 5 min ${megabytes(heapShort.usedBytes)} MiB (${heapShort.heldEventCount} events held)`,
        target: "<= 2",
        machine,
      },
    ];
    for (const figure of figures) {
      console.log(`${figure.name.padEnd(40)} ${figure.value.toFixed(3).padStart(10)} ${figure.unit.padEnd(6)} target ${figure.target}  (${figure.baseline})`);
    }
    writeBenchmarkReport({
      resultsPath: join(repositoryRoot, "bench", "results.json"),
      documentPath: join(repositoryRoot, "docs", "benchmarks-player.md"),
      figures,
      sessions: { long, short },
      seeks: { long: seeksLong, short: seeksShort },
      firstFrames,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
