// A hostile client can send any rrweb events. This posts a recording full of script, inline event
// handlers, javascript: URLs, an <iframe srcdoc> with script and a <meta http-equiv=refresh>, both in
// the full snapshot and added later by mutations, and proves that nothing of it runs or navigates in
// the viewer: anything that ran would set `__pwned` on the viewer's window, navigate it, or call a
// beacon server in this process at /pwned-*; the test checks that none of that happened. A plain
// <img> from the same beacon proves the replay did render and could reach it.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { ingestBatch } from "../synthetic-recording.mjs";
import { startReelServer } from "../start-server.mjs";
import { MINUTE_MS, logIn, openReplay, storedSessionId, waitUntilSettled } from "./player-test-support.mjs";

const sleep = (durationMs) => new Promise((resolve) => setTimeout(resolve, durationMs));

async function startBeacon() {
  const paths = [];
  const server = createServer((request, response) => {
    paths.push(request.url);
    response.writeHead(request.url.endsWith(".png") ? 404 : 200, { "Content-Type": "text/plain", "Access-Control-Allow-Origin": "*" });
    response.end("beacon");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, paths, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** JavaScript that, if it ever ran anywhere in the viewer, would leave a trace the test can see. */
function payload(beaconOrigin, name) {
  return `try{window.top.__pwned=1}catch(e){};try{window.parent.__pwned=1}catch(e){};fetch('${beaconOrigin}/pwned-${name}');new Image().src='${beaconOrigin}/pwned-${name}-image';`;
}

function element(id, tagName, attributes, childNodes = []) {
  return { type: 2, id, tagName, attributes, childNodes };
}

function hostileDocument(beacon) {
  const head = element(4, "head", {}, [
    element(5, "meta", { "http-equiv": "refresh", content: `0;url=${beacon}/pwned-meta-refresh` }),
    element(6, "script", {}, [{ type: 3, id: 7, textContent: payload(beacon, "head-script") }]),
    element(8, "base", { href: `javascript:${payload(beacon, "base")}` }),
  ]);
  const body = element(10, "body", { onload: payload(beacon, "body-onload"), style: "font: 18px sans-serif; background: #fff" }, [
    element(11, "h1", { id: "title" }, [{ type: 3, id: 12, textContent: "Hostile page" }]),
    element(13, "script", { src: `${beacon}/pwned-external-script.js` }),
    element(14, "script", {}, [{ type: 3, id: 15, textContent: payload(beacon, "body-script") }]),
    element(16, "img", { id: "broken-image", src: `${beacon}/missing.png`, onerror: payload(beacon, "img-onerror") }),
    element(17, "img", { id: "proof-image", src: `${beacon}/proof.png` }),
    element(18, "button", { id: "hostile-button", onclick: payload(beacon, "button-onclick") }, [{ type: 3, id: 19, textContent: "Click me" }]),
    element(20, "a", { id: "hostile-link", href: `javascript:${payload(beacon, "javascript-url")}` }, [{ type: 3, id: 21, textContent: "A javascript: link" }]),
    element(22, "iframe", { id: "hostile-srcdoc", srcdoc: `<script>${payload(beacon, "srcdoc-script")}</script><img src=x onerror="${payload(beacon, "srcdoc-onerror")}">` }),
    element(23, "svg", { onload: payload(beacon, "svg-onload") }, [element(24, "script", {}, [{ type: 3, id: 25, textContent: payload(beacon, "svg-script") }])]),
    element(26, "input", { id: "hostile-input", autofocus: "", onfocus: payload(beacon, "input-onfocus") }),
    element(27, "form", { id: "hostile-form", action: `javascript:${payload(beacon, "form-action")}` }),
    element(28, "object", { data: `javascript:${payload(beacon, "object-data")}` }),
    element(29, "embed", { src: `javascript:${payload(beacon, "embed-src")}` }),
  ]);
  return { type: 0, id: 1, childNodes: [{ type: 1, id: 2, name: "html", publicId: "", systemId: "" }, element(3, "html", {}, [head, body])] };
}

function hostileRecording(startMs, beacon) {
  const mutation = (offsetMs, data) => ({ type: 3, timestamp: startMs + offsetMs, data: { source: 0, texts: [], attributes: [], removes: [], adds: [], ...data } });
  return [
    { type: 4, timestamp: startMs, data: { href: `javascript:${payload(beacon, "meta-href")}`, width: 1000, height: 700 } },
    { type: 2, timestamp: startMs + 1, data: { node: hostileDocument(beacon), initialOffset: { left: 0, top: 0 } } },
    mutation(1_000, {
      adds: [
        { parentId: 10, nextId: null, node: element(40, "script", {}, [{ type: 3, id: 41, textContent: payload(beacon, "added-script") }]) },
        { parentId: 10, nextId: null, node: element(42, "img", { src: `${beacon}/missing-2.png`, onerror: payload(beacon, "added-img-onerror") }) },
        { parentId: 4, nextId: null, node: element(43, "meta", { "http-equiv": "refresh", content: `0;url=${beacon}/pwned-added-refresh` }) },
        { parentId: 10, nextId: null, node: element(44, "iframe", { srcdoc: `<script>${payload(beacon, "added-srcdoc")}</script>` }) },
      ],
    }),
    mutation(2_000, {
      attributes: [
        { id: 18, attributes: { onclick: payload(beacon, "changed-onclick"), onmouseover: payload(beacon, "changed-onmouseover") } },
        { id: 20, attributes: { href: `javascript:${payload(beacon, "changed-href")}` } },
        { id: 16, attributes: { src: `${beacon}/missing-3.png`, onerror: payload(beacon, "changed-onerror") } },
      ],
    }),
    { type: 5, timestamp: startMs + 2_500, data: { tag: "reel.error", payload: { message: `<img src=x onerror="${payload(beacon, "error-message")}">` } } },
    { type: 6, timestamp: startMs + 2_600, data: { plugin: "rrweb/console@1", payload: { level: "error", trace: [], payload: [JSON.stringify(`<script>${payload(beacon, "console")}</script>`)] } } },
    { type: 3, timestamp: startMs + 3_000, data: { source: 1, positions: [{ x: 50, y: 50, id: 10, timeOffset: 0 }] } },
    { type: 3, timestamp: startMs + 4_000, data: { source: 1, positions: [{ x: 60, y: 60, id: 10, timeOffset: 0 }] } },
  ];
}

test("nothing from a hostile recording runs or navigates in the viewer", { timeout: 120_000 }, async (t) => {
  const beacon = await startBeacon();
  t.after(() => beacon.stop());
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());

  const startMs = Date.now() - 10 * MINUTE_MS;
  const deviceId = randomUUID();
  await ingestBatch(server.baseUrl, server.apiKey, { session_id: startMs, device_id: deviceId, user_id: "hostile", sequence: 0, events: hostileRecording(startMs, beacon.origin) });

  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await logIn(page, server);
  const sessionId = await storedSessionId(page, server, deviceId);
  const replayUrl = `${server.baseUrl}/replays/${sessionId}`;
  await openReplay(page, server, sessionId);
  const mainFrameNavigations = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) {
      mainFrameNavigations.push(frame.url());
    }
  });
  await page.click('[data-testid="skip-inactivity"]');
  await page.click('[data-testid="play-pause"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="player"]').dataset.playing === "false", null, { timeout: 15_000 });

  const iframe = page.locator('[data-testid="replay-container"] iframe').first();
  const sandbox = (await iframe.getAttribute("sandbox")).split(/\s+/);
  assert.deepEqual(sandbox, ["allow-same-origin"], "the replay iframe may not run scripts");
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator("#title", { hasText: "Hostile page" }).waitFor();
  // the hostile markup really is in the replayed page (rrweb keeps most of it): the sandbox is what stops it
  const present = await frame.evaluate(() => ({
    onclick: document.getElementById("hostile-button")?.getAttribute("onclick") ?? null,
    onerror: document.getElementById("broken-image")?.getAttribute("onerror") ?? null,
    javascriptHref: document.getElementById("hostile-link")?.getAttribute("href") ?? null,
    srcdoc: document.getElementById("hostile-srcdoc")?.getAttribute("srcdoc") ?? null,
    refreshMetas: document.querySelectorAll('meta[http-equiv="refresh"]').length,
  }));
  assert.ok(present.onclick?.includes("pwned") && present.onerror?.includes("pwned"), JSON.stringify(present));
  assert.ok(present.javascriptHref?.startsWith("javascript:") && present.srcdoc?.includes("<script>"), JSON.stringify(present));
  assert.ok(present.refreshMetas >= 1, JSON.stringify(present));
  // try the handlers the way a viewer's clicks and focus would
  await frame.locator("#hostile-button").dispatchEvent("click");
  await frame.locator("#hostile-button").dispatchEvent("mouseover");
  await frame.locator("#hostile-link").dispatchEvent("click");
  await frame.locator("#hostile-input").dispatchEvent("focus");
  await frame.locator("#hostile-form").evaluate((form) => form.requestSubmit()).catch(() => undefined);
  await sleep(1_500); // time for a refresh, an image error or a late handler
  await page.locator('[data-testid="replay-container"]').screenshot({ path: artifactPath("player-hostile-recording.png") });

  assert.ok(beacon.paths.includes("/proof.png"), `the replay rendered and could reach the beacon: ${JSON.stringify(beacon.paths)}`);
  const executed = beacon.paths.filter((path) => path.startsWith("/pwned"));
  assert.deepEqual(executed, [], "recorded code ran and called the beacon");
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "recorded code set a flag on the viewer's window");
  assert.equal(page.url(), replayUrl, "the viewer was navigated");
  assert.deepEqual(mainFrameNavigations, [], "the viewer's page navigated");
  assert.equal(frame.url(), "about:blank", "the replay iframe navigated (meta refresh, javascript: link or form)");
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);

  await page.locator('[data-testid="current-url"]', { hasText: "javascript:" }).waitFor();
  assert.equal(await page.locator('[data-testid="current-url"] a').count(), 0, "a javascript: page URL is never a link");
  await page.click('[data-testid="console-toggle"]');
  await page.locator('[data-testid="console-entry"]', { hasText: "<script>" }).waitFor();
  assert.equal(await page.locator('[data-testid="console-panel"] script, [data-testid="console-panel"] img').count(), 0);
  await page.click('[data-testid="tab-events"]');
  await page.locator('[data-testid="stream-item"]', { hasText: '<img src=x onerror="' }).first().waitFor();
  assert.equal(await page.locator('[data-testid="event-stream"] img').count(), 0);
  await waitUntilSettled(page);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(beacon.paths.filter((path) => path.startsWith("/pwned")), []);
});
