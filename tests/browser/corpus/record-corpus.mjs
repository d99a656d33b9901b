// Records the benchmark corpus: real Chromium sessions on varied pages, captured by the Reel SDK
// into a real reel server, read back through the API and written to bench/corpus/<name>.json
// ({"name", "events"}), which crates/reel-bench reads.
//
//   node tests/browser/corpus/record-corpus.mjs [--only a,b] [--concurrency N] [--out DIR]
//   (or: npm run record-corpus -w tests/browser)
//
// Timing is real: every session runs for its planned minutes of wall-clock time (bytes per
// minute depend on it). To stay within a few minutes of wall time, sessions run side by side,
// each in its own Chromium (its own device id and storage), `--concurrency` at a time.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import { startStaticServer } from "../static-server.mjs";
import { Human, sleep } from "./human.mjs";
import { SCENARIOS } from "./scenarios.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, "..", "..", "..");
const RECORDING_SETTLE_TIMEOUT_MS = 20_000;

const { values: options } = parseArgs({
  options: {
    only: { type: "string" },
    concurrency: { type: "string", default: "4" },
    out: { type: "string", default: join(repositoryRoot, "bench", "corpus") },
  },
});

function startSite(reel) {
  let metricsPolls = 0;
  return startStaticServer({
    root: join(here, "pages"),
    spaFallback: (path) => (path.startsWith("/spa/") ? "spa/index.html" : undefined),
    htmlTransform: (html) => html.replaceAll("{{REEL_URL}}", reel.baseUrl).replaceAll("{{REEL_API_KEY}}", reel.apiKey),
    routes: {
      "/favicon.ico": () => ({ status: 204, body: "" }),
      // the dashboard's polling: every fourth answer is an outage
      "/api/metrics": () => {
        metricsPolls += 1;
        return metricsPolls % 4 === 0
          ? { status: 503, contentType: "application/json", body: '{"error":"metrics backend unavailable"}' }
          : { contentType: "application/json", body: JSON.stringify({ arrivalsSinceLoad: Math.floor(metricsPolls / 3) }) };
      },
    },
  });
}

async function logIn(reel) {
  const answer = await fetch(`${reel.baseUrl}/api/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: reel.adminEmail, password: reel.adminPassword }),
  });
  if (!answer.ok) {
    throw new Error(`login failed: ${answer.status} ${await answer.text()}`);
  }
  const cookie = answer.headers.get("set-cookie")?.split(";")[0];
  return async (path) => {
    const response = await fetch(`${reel.baseUrl}${path}`, { headers: { cookie } });
    if (!response.ok) {
      throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    }
    return response.json();
  };
}

/** Runs one scenario in its own browser; returns the SDK's ids for the session. */
async function recordSession(scenario, urls) {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const startedAt = Date.now();
    await page.goto(scenario.startUrl(urls));
    await page.waitForFunction(() => window.Reel?.isRecording() === true, null, { timeout: 15_000 });
    const ids = await page.evaluate(() => ({ deviceId: window.Reel.getDeviceId(), sessionId: window.Reel.getSessionId() }));
    const human = new Human(page, scenario.seed);
    await page.mouse.move(human.x, human.y);
    await scenario.run({ human, page, ...urls, timeLeftMs: () => scenario.durationMs - (Date.now() - startedAt) });
    const idsAtEnd = await page.evaluate(() => ({ deviceId: window.Reel.getDeviceId(), sessionId: window.Reel.getSessionId() }));
    if (idsAtEnd.deviceId !== ids.deviceId || idsAtEnd.sessionId !== ids.sessionId) {
      throw new Error(`${scenario.name}: the session changed from ${JSON.stringify(ids)} to ${JSON.stringify(idsAtEnd)}`);
    }
    await page.evaluate(() => window.Reel.flush());
    await page.goto("about:blank"); // pagehide: the SDK sends what is left
    await sleep(1_000);
    return { ...ids, wallMs: Date.now() - startedAt, pageErrors };
  } finally {
    await browser.close();
  }
}

/** Reads the whole recording once the server has stopped receiving batches for it. */
async function readRecording(get, deviceId, sessionId) {
  const deadlineMs = Date.now() + RECORDING_SETTLE_TIMEOUT_MS;
  let session;
  while (session === undefined) {
    const { sessions } = await get("/api/v1/sessions?limit=100");
    session = sessions.find((candidate) => candidate.device_id === deviceId && candidate.session_id === sessionId);
    if (session === undefined) {
      if (Date.now() > deadlineMs) {
        throw new Error(`no session ${deviceId}/${sessionId} on the server`);
      }
      await sleep(500);
    }
  }
  let previousCount = -1;
  for (;;) {
    const events = [];
    let path = `/api/v1/sessions/${encodeURIComponent(session.id)}/recording`;
    for (;;) {
      const window = await get(path);
      events.push(...window.events);
      if (window.next_from_ms === null || window.to_ms === null) {
        break;
      }
      path = `/api/v1/sessions/${encodeURIComponent(session.id)}/recording?from_ms=${window.next_from_ms}`;
    }
    if (events.length === previousCount || Date.now() > deadlineMs) {
      return { session, events };
    }
    previousCount = events.length;
    await sleep(1_500);
  }
}

function describe(name, events, bytes) {
  const timestamps = events.map((event) => event.timestamp);
  const durationMs = Math.max(...timestamps) - Math.min(...timestamps);
  const count = (type) => events.filter((event) => event.type === type).length;
  return {
    name,
    events: events.length,
    kilobytes: Math.round(bytes / 1024),
    minutes: Number((durationMs / 60_000).toFixed(2)),
    kilobytesPerMinute: Math.round(bytes / 1024 / (durationMs / 60_000)),
    pageLoads: count(4),
    fullSnapshots: count(2),
    incremental: count(3),
  };
}

async function main() {
  const selected = options.only ? SCENARIOS.filter((scenario) => options.only.split(",").includes(scenario.name)) : SCENARIOS;
  if (selected.length === 0) {
    throw new Error(`no scenario matches --only ${options.only}; known: ${SCENARIOS.map((scenario) => scenario.name).join(", ")}`);
  }
  const concurrency = Math.max(1, Number(options.concurrency));
  mkdirSync(options.out, { recursive: true });
  const reel = await startReelServer();
  const site = await startSite(reel);
  const startedAt = Date.now();
  const stats = [];
  const failures = [];
  try {
    const sdkAnswer = await fetch(`${reel.baseUrl}/sdk/reel.js`);
    if (!sdkAnswer.ok) {
      throw new Error(`${reel.baseUrl}/sdk/reel.js answered ${sdkAnswer.status}: build the SDK first (npm run build -w sdk)`);
    }
    const get = await logIn(reel);
    const urls = { reelUrl: reel.baseUrl, siteUrl: site.baseUrl };
    const queue = [...selected].sort((left, right) => right.durationMs - left.durationMs);
    const worker = async () => {
      for (let scenario = queue.shift(); scenario !== undefined; scenario = queue.shift()) {
        try {
          console.log(`recording ${scenario.name} (${Math.round(scenario.durationMs / 1000)} s)…`);
          const recorded = await recordSession(scenario, urls);
          const { events } = await readRecording(get, recorded.deviceId, recorded.sessionId);
          const text = JSON.stringify({ name: scenario.name, events });
          writeFileSync(join(options.out, `${scenario.name}.json`), text);
          const summary = describe(scenario.name, events, Buffer.byteLength(text));
          stats.push(summary);
          console.log(`  ${scenario.name}: ${JSON.stringify(summary)}${recorded.pageErrors.length ? ` page errors: ${recorded.pageErrors.join(" | ")}` : ""}`);
        } catch (error) {
          failures.push(`${scenario.name}: ${error.stack ?? error}`);
          console.error(`  ${scenario.name} FAILED: ${error.stack ?? error}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, selected.length) }, worker));
  } finally {
    await site.stop();
    await reel.stop();
  }
  stats.sort((left, right) => left.name.localeCompare(right.name));
  console.table(stats);
  const totalMinutes = stats.reduce((sum, entry) => sum + entry.minutes, 0);
  const totalKilobytes = stats.reduce((sum, entry) => sum + entry.kilobytes, 0);
  console.log(
    `${stats.length} recordings, ${totalMinutes.toFixed(1)} recorded minutes, ${(totalKilobytes / 1024).toFixed(1)} MB, ` +
      `written to ${options.out} in ${((Date.now() - startedAt) / 60_000).toFixed(1)} minutes of wall time`,
  );
  if (failures.length > 0) {
    console.error(`${failures.length} session(s) failed`);
    process.exitCode = 1;
  }
}

await main();
