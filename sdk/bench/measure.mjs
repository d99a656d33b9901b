// Measures the browser SDK's budgets and merges the figures into bench/results.json (other
// figures are kept), then prints them:
//   sdk_record_bundle_gzip_bytes         sdk/dist/reel.js, gzip -9
//   sdk_main_thread_ms_per_interaction   main-thread work (script + style + layout, from Chromium's
//                                        Performance metrics) the SDK adds per click or keypress on the
//                                        demo shop: (with the SDK − without) / interactions, median of runs
//   sdk_initial_snapshot_5000_nodes_ms   rrweb's start (its first full snapshot) on a 5,000-node page,
//                                        from the SDK's `reel.full_snapshot` performance measure
//
// Run from the repository root after `npm ci`, `npm run build -w sdk` and `cargo build -p reel`:
//   node sdk/bench/measure.mjs            (REEL_BIN picks the binary, default target/debug/reel)
// It starts its own reel (for the demo shop) and a static server for the 5,000-node page, and
// drives Debian's Chromium through the browser tests' helpers. SDK_BASELINE_BUNDLE=<path to another
// reel.js> (named SDK_BASELINE_LABEL in the output) also measures that bundle's interaction cost.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../../tests/browser/launch-browser.mjs";
import { startReelServer } from "../../tests/browser/start-server.mjs";

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bundlePath = join(repositoryRoot, "sdk", "dist", "reel.js");
const resultsPath = join(repositoryRoot, "bench", "results.json");
// rrweb's own browser build, resolved the way the SDK resolves rrweb
const rrwebBrowserBuildPath = join(dirname(dirname(createRequire(join(repositoryRoot, "sdk", "package.json")).resolve("rrweb"))), "dist", "rrweb.umd.min.cjs");
const BUNDLE_GZIP_BYTES_TARGET = 35_000;
const INTERACTIONS_PER_KIND = 150;
const INTERACTION_RUNS = 5;
const SNAPSHOT_RUNS = 7;
const SNAPSHOT_PAGE_NODES = 5_000;

const median = (values) => [...values].sort((first, second) => first - second)[Math.floor(values.length / 2)];
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

function describeMachine() {
  const processors = cpus();
  return `${processors[0]?.model.trim() ?? "unknown CPU"}, ${processors.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

/** gzip size of an app's use of Amplitude's browser SDK with autocapture and session replay (esbuild, minified), for comparison. */
async function amplitudeBundleGzipBytes() {
  try {
    const { build } = await import("esbuild");
    const result = await build({
      stdin: {
        contents:
          'import * as amplitude from "@amplitude/analytics-browser"; import { sessionReplayPlugin } from "@amplitude/plugin-session-replay-browser";' +
          'amplitude.add(sessionReplayPlugin({ sampleRate: 1 })); amplitude.init("key", { autocapture: true });',
        resolveDir: repositoryRoot,
      },
      bundle: true,
      minify: true,
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).byteLength;
  } catch {
    return null; // the Amplitude packages are not installed
  }
}

async function measureBundle() {
  if (!existsSync(bundlePath)) {
    throw new Error(`no ${bundlePath}: run npm run build -w sdk`);
  }
  const bytes = gzipSync(readFileSync(bundlePath), { level: 9 }).byteLength;
  const amplitudeBytes = await amplitudeBundleGzipBytes();
  const comparison = amplitudeBytes === null ? "" : `; an app using Amplitude analytics-browser 2.48.1 (autocapture) + session replay plugin 1.35.2, minified by esbuild: ${amplitudeBytes} bytes`;
  return {
    name: "sdk_record_bundle_gzip_bytes",
    value: bytes,
    unit: "bytes",
    baseline: `record + batching only (before console, network, errors, analytics autocapture): 29353 bytes${comparison}`,
    target: `<= ${BUNDLE_GZIP_BYTES_TARGET} (checked by sdk/build.mjs)`,
  };
}

/** Main-thread time (ms) by category while clicking and typing on the demo shop's cart page. `bundle`: null = no SDK. */
async function mainThreadMsDuringInteractions(context, baseUrl, bundle) {
  const page = await context.newPage();
  if (bundle !== undefined) {
    await page.route("**/sdk/reel.js", (route) => route.fulfill({ contentType: "text/javascript", body: bundle ?? "" }));
  }
  await page.goto(`${baseUrl}/demo/cart.html`);
  if (bundle !== null) {
    // (an SDK without isRecording records from its start)
    await page.waitForFunction(() => window.Reel && (typeof window.Reel.isRecording !== "function" || window.Reel.isRecording() === true), null, { timeout: 10_000 });
  }
  const session = await context.newCDPSession(page);
  await session.send("Performance.enable");
  const readMetrics = async () => Object.fromEntries((await session.send("Performance.getMetrics")).metrics.map((metric) => [metric.name, metric.value]));
  await page.click("#dead-button"); // warm up both paths once
  await page.focus("#coupon-code");
  await page.keyboard.press("a");
  const before = await readMetrics();
  for (let index = 0; index < INTERACTIONS_PER_KIND; index += 1) {
    await page.click("#dead-button");
    await page.focus("#coupon-code");
    await page.keyboard.press(index % 10 === 9 ? "Backspace" : "x");
  }
  const after = await readMetrics();
  await session.detach();
  await page.evaluate(() => localStorage.clear());
  await page.close();
  const elapsedMs = (name) => (after[name] - before[name]) * 1_000;
  const renderingMs = elapsedMs("ScriptDuration") + elapsedMs("RecalcStyleDuration") + elapsedMs("LayoutDuration");
  // (TaskDuration is not used: its other part, mostly the test driver's own work, varies by seconds between runs)
  return { renderingMs, scriptMs: elapsedMs("ScriptDuration") };
}

/** Per-interaction main-thread time a bundle adds, median over runs interleaved with runs without any SDK. */
async function addedMsPerInteraction(context, baseUrl, bundle) {
  const runs = [];
  for (let run = 0; run < INTERACTION_RUNS; run += 1) {
    const without = await mainThreadMsDuringInteractions(context, baseUrl, null);
    const withSdk = await mainThreadMsDuringInteractions(context, baseUrl, bundle);
    const interactions = 2 * INTERACTIONS_PER_KIND;
    runs.push({
      renderingMs: (withSdk.renderingMs - without.renderingMs) / interactions,
      scriptMs: (withSdk.scriptMs - without.scriptMs) / interactions,
    });
  }
  return { renderingMs: median(runs.map((run) => run.renderingMs)), scriptMs: median(runs.map((run) => run.scriptMs)) };
}

async function measureInteractions(browser) {
  const server = await startReelServer();
  try {
    const current = await addedMsPerInteraction(browser.context, server.baseUrl, undefined);
    const baselinePath = process.env.SDK_BASELINE_BUNDLE;
    const earlier = baselinePath ? await addedMsPerInteraction(browser.context, server.baseUrl, readFileSync(baselinePath)) : null;
    const earlierLabel = process.env.SDK_BASELINE_LABEL ?? baselinePath;
    const earlierText = earlier === null ? "" : `; ${earlierLabel}: ${round(earlier.renderingMs, 3)} ms (script ${round(earlier.scriptMs, 3)} ms)`;
    return {
      name: "sdk_main_thread_ms_per_interaction",
      value: round(current.renderingMs, 3),
      unit: "ms",
      baseline: `script + style + layout time the SDK adds per click or keypress on /demo/cart.html, median of ${INTERACTION_RUNS} runs of ${INTERACTIONS_PER_KIND} clicks + ${INTERACTIONS_PER_KIND} keypresses against runs without the SDK (script alone ${round(current.scriptMs, 3)} ms)${earlierText}`,
      target: "< 1 (well under a 16 ms frame)",
    };
  } finally {
    await server.stop();
  }
}

/**
 * A page of about `nodeCount` DOM nodes (elements and texts, head included). With the SDK it loads
 * the built bundle; with `rrwebAlone` it loads rrweb's own browser build and times a bare
 * `rrweb.record()` (default options) after the page has loaded, for comparison.
 */
function snapshotPageHtml(nodeCount, rrwebAlone) {
  const rows = [];
  let nodes = 0;
  for (let index = 0; nodes + 6 <= nodeCount; index += 1) {
    // <li><a href><span>text</span></a><em>text</em></li>: 6 nodes
    rows.push(`<li class="row"><a href="#item-${index}"><span>Item ${index}</span></a><em>${index % 7 === 0 ? "sale" : "in stock"}</em></li>`);
    nodes += 6;
  }
  const padding = Array.from({ length: Math.max(0, nodeCount - nodes - 16) }, () => "<i></i>").join(""); // 16: html, head, its children, body, ul, scripts
  return `<!doctype html><html><head><meta charset="utf-8"><title>5000 nodes</title><link rel="icon" href="data:,">
<style>.row{padding:2px} em{color:#666}</style></head><body><ul>${rows.join("")}</ul>${padding}
${rrwebAlone ? '<script src="/rrweb.js"></script>' : '<script src="/reel.js"></script>'}
<script>window.nodeCount = (() => { let count = 0; const walker = document.createTreeWalker(document.documentElement); while (walker.nextNode()) count += 1; return count + 1; })();
${rrwebAlone
    ? 'addEventListener("load", () => { const startMs = performance.now(); rrweb.record({ emit() {} }); performance.measure("reel.full_snapshot", { start: startMs }); });'
    : 'Reel.init({ apiKey: "bench", serverUrl: location.origin, fetchRemoteSettings: false, autocapture: false, persistBatches: false });'}</script></body></html>`;
}

/** Median duration (ms) of the `reel.full_snapshot` measure over page loads of `path`, and the page's node count. */
async function snapshotDurations(browser, pageUrl) {
  const durationsMs = [];
  let nodeCount = 0;
  for (let run = 0; run < SNAPSHOT_RUNS; run += 1) {
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const measured = await page.waitForFunction(() => {
      const entry = performance.getEntriesByName("reel.full_snapshot")[0];
      return entry ? { durationMs: entry.duration, nodeCount: window.nodeCount } : null;
    });
    const result = await measured.jsonValue();
    durationsMs.push(result.durationMs);
    nodeCount = result.nodeCount;
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
  return { durationsMs, nodeCount };
}

async function measureSnapshot(browser) {
  const pages = { "/": snapshotPageHtml(SNAPSHOT_PAGE_NODES, false), "/rrweb-alone": snapshotPageHtml(SNAPSHOT_PAGE_NODES, true) };
  const scripts = { "/reel.js": readFileSync(bundlePath), "/rrweb.js": readFileSync(rrwebBrowserBuildPath) };
  const server = createServer((request, response) => {
    if (scripts[request.url] !== undefined) {
      response.writeHead(200, { "Content-Type": "text/javascript" });
      response.end(scripts[request.url]);
    } else if (pages[request.url] !== undefined) {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.end(pages[request.url]);
    } else {
      response.writeHead(204); // the SDK's uploads: accepted and ignored
      response.end();
    }
  });
  await new Promise((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  try {
    const baseUrl = `http://127.0.0.1:${server.address().port}`;
    const { durationsMs, nodeCount } = await snapshotDurations(browser, `${baseUrl}/`);
    const rrwebAlone = await snapshotDurations(browser, `${baseUrl}/rrweb-alone`);
    return {
      name: "sdk_initial_snapshot_5000_nodes_ms",
      value: round(median(durationsMs), 2),
      unit: "ms",
      baseline: `median of ${SNAPSHOT_RUNS} page loads (${durationsMs.map((value) => round(value, 1)).join(", ")} ms) of a ${nodeCount}-node page (elements and texts), medium privacy; rrweb 2.2.2 alone, default options: ${round(median(rrwebAlone.durationsMs), 1)} ms`,
      target: "< 100",
    };
  } finally {
    server.close();
  }
}

function mergeIntoResults(figures) {
  const existing = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : { figures: [] };
  const names = new Set(figures.map((figure) => figure.name));
  existing.figures = [...(existing.figures ?? []).filter((figure) => !names.has(figure.name)), ...figures];
  writeFileSync(resultsPath, `${JSON.stringify(existing, null, 2)}\n`);
}

const machine = describeMachine();
const browser = await launchChromium();
let figures;
try {
  figures = [await measureBundle(), await measureInteractions(browser), await measureSnapshot(browser)].map((figure) => ({ ...figure, machine }));
} finally {
  await browser.close();
}
mergeIntoResults(figures);
for (const figure of figures) {
  console.log(`${figure.name}: ${figure.value} ${figure.unit} (target ${figure.target}; ${figure.baseline})`);
}
console.log(`merged into ${resultsPath}`);
