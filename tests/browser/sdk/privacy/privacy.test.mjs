// Privacy levels, one test each: what a visitor typed and what the page masks never reaches the
// server (every stored byte of the recording, the analytics events and the session is searched),
// masked text replays as asterisks of the same length, and a blocked element as a same-size box.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { artifactPath, launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readAnalyticsEvents, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));
// rrweb's browser build, resolved as the SDK (which depends on it) resolves it
const requireFromSdk = createRequire(new URL("../../../../sdk/package.json", import.meta.url));
const rrwebDirectory = dirname(dirname(requireFromSdk.resolve("rrweb")));

/** Types a unique value into every field, clicks around, and returns what the server stored. */
async function visitAndReadBack(t, { query = "", projectSettings } = {}) {
  const server = await startReelServer();
  t.after(() => server.stop());
  const api = await loginToReel(server);
  if (projectSettings !== undefined) {
    const answer = await api.patch("/api/v1/projects/1", { settings: projectSettings });
    assert.equal(answer.status, 200, answer.text);
  }
  const site = await startStaticSite(pageDirectory, {
    serverUrl: server.baseUrl,
    apiKey: server.apiKey,
    extraFiles: { "/vendor/rrweb.js": `${rrwebDirectory}/dist/rrweb.umd.min.cjs`, "/vendor/rrweb.css": `${rrwebDirectory}/dist/style.css` },
  });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(`${site.baseUrl}/page.html${query}`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  const unique = randomBytes(4).toString("hex");
  const typed = {
    name: `Nameof${unique}`,
    email: `mail${unique}@example.com`,
    phone: `555${parseInt(unique, 16) % 10_000_000}`,
    card: "4000 0566 5566 5556",
    password: `Pw${unique}!`,
    notes: `Notes${unique} about the order`,
    editor: `Edited${unique}`,
    unmasked: `Nick${unique}`,
  };
  for (const [field, value] of Object.entries(typed)) {
    await page.locator(`#${field}`).pressSequentially(value, { delay: 2 });
    await page.locator(`#${field}`).blur();
  }
  await page.click("#masked-paragraph");
  await page.click("#save");
  await sleep(400);
  await page.evaluate(() => window.Reel.flush());
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const recording = await waitFor("the typing in the recording", async () => {
    const answer = await readRecording(api, session.id);
    const inputs = answer.events.filter((event) => event.type === 3 && event.data.source === 5);
    return inputs.length >= 7 ? answer : null;
  });
  const analytics = await waitFor("the change events", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.some((event) => event.event_type === "[Amplitude] Element Clicked") ? answer : null;
  });
  const storedSession = (await api.get(`/api/v1/sessions/${session.id}`)).text;
  const replayPage = await browser.context.newPage();
  await replayPage.goto(`${site.baseUrl}/replay.html`);
  await replayPage.evaluate((events) => window.replayToEnd(events), recording.events);
  const replayFrame = replayPage.frames().find((frame) => frame !== replayPage.mainFrame());
  const replayed = await replayFrame.evaluate(() => ({
    headline: document.getElementById("headline").textContent,
    maskedParagraph: document.getElementById("masked-paragraph").textContent,
    dataMasked: document.getElementById("data-masked").textContent,
    blockedBox: (() => {
      const box = document.querySelector(".amp-block").getBoundingClientRect();
      return { width: box.width, height: box.height, text: document.querySelector(".amp-block").textContent };
    })(),
    values: Object.fromEntries(["name", "email", "phone", "card", "password", "notes", "unmasked"].map((id) => [id, document.getElementById(id).value])),
    editor: document.getElementById("editor").textContent,
  }));
  return { typed, recording, analytics, storedSession, replayed, replayPage, everything: recording.text + analytics.text + storedSession };
}

function assertNotStored(everything, typed, fields) {
  for (const field of fields) {
    assert.ok(!everything.includes(typed[field]), `the server stored the typed ${field}: ${typed[field]}`);
  }
}

function assertMaskedForEveryLevel({ everything, replayed, analytics }) {
  assert.ok(!everything.includes("Masked text: 4111 secret"), "amp-mask text reached the server");
  assert.equal(replayed.maskedParagraph, "****** ***** **** ******", "masked text replays as asterisks, spaces kept");
  assert.ok(!everything.includes("secret-block-text"), "amp-block content reached the server");
  assert.deepEqual({ width: replayed.blockedBox.width, height: replayed.blockedBox.height, text: replayed.blockedBox.text }, { width: 300, height: 80, text: "" });
  assert.ok(!everything.includes("data attribute masked text"));
  assert.equal(replayed.dataMasked, "**** ********* ****** ****");
  const clickedParagraph = analytics.events.filter((event) => event.event_type === "[Amplitude] Element Clicked");
  assert.ok(clickedParagraph.every((event) => !JSON.stringify(event).includes("Masked text")));
}

// the stricter of the code's level and the project's applies, so "light" must come from the project
test("light (project setting): only passwords, card, email and phone fields are masked", { timeout: 120_000 }, async (t) => {
  const stored = await visitAndReadBack(t, { projectSettings: { privacy_level: "light" } });
  assertNotStored(stored.everything, stored.typed, ["email", "phone", "password"]);
  assert.ok(!stored.everything.includes("4000 0566"), "the card number reached the server");
  assert.equal(stored.replayed.values.name, stored.typed.name, "light keeps ordinary fields");
  assert.equal(stored.replayed.values.notes, stored.typed.notes);
  assert.equal(stored.replayed.editor, stored.typed.editor);
  assert.equal(stored.replayed.values.email, "*".repeat(stored.typed.email.length));
  assert.equal(stored.replayed.values.card, "**** **** **** ****");
  assert.equal(stored.replayed.headline, "Public headline text");
  assertMaskedForEveryLevel(stored);
});

test("medium (the default): every typed value is masked, page text stays", { timeout: 120_000 }, async (t) => {
  const stored = await visitAndReadBack(t);
  assertNotStored(stored.everything, stored.typed, ["name", "email", "phone", "password", "notes", "editor"]);
  assert.ok(!stored.everything.includes("4000 0566"), "the card number reached the server");
  assert.equal(stored.replayed.values.name, "*".repeat(stored.typed.name.length));
  assert.equal(stored.replayed.values.notes, stored.typed.notes.replace(/\S/g, "*"));
  assert.equal(stored.replayed.editor, "*".repeat(stored.typed.editor.length), "contenteditable text is typed text");
  assert.equal(stored.replayed.values.unmasked, stored.typed.unmasked, "amp-unmask shows the field");
  assert.equal(stored.replayed.headline, "Public headline text");
  assertMaskedForEveryLevel(stored);
  await stored.replayPage.screenshot({ path: artifactPath("sdk-privacy-medium-replay.png") });
});

test("conservative (in code): all text and every field is masked", { timeout: 120_000 }, async (t) => {
  const stored = await visitAndReadBack(t, { query: "?level=conservative" });
  assertNotStored(stored.everything, stored.typed, ["name", "email", "phone", "password", "notes", "editor"]);
  assert.ok(!stored.everything.includes("Public headline text"), "page text reached the server");
  assert.equal(stored.replayed.headline, "****** ******** ****");
  assert.equal(stored.replayed.values.password, "*".repeat(stored.typed.password.length));
  assertMaskedForEveryLevel(stored);
  const saveClick = stored.analytics.events.find((event) => event.event_properties["[Amplitude] Element ID"] === "save");
  assert.equal(saveClick.event_properties["[Amplitude] Element Text"], "*****", "analytics texts are masked too");
  await stored.replayPage.screenshot({ path: artifactPath("sdk-privacy-conservative-replay.png") });
});

test("a project's level stricter than the code's wins, and its mask selectors apply", { timeout: 120_000 }, async (t) => {
  const stored = await visitAndReadBack(t, { query: "?level=light", projectSettings: { privacy_level: "medium", privacy_mask_selectors: ["#unmasked"] } });
  assertNotStored(stored.everything, stored.typed, ["name", "email", "phone", "password", "notes", "editor", "unmasked"]);
  assert.equal(stored.replayed.values.unmasked, "*".repeat(stored.typed.unmasked.length), "a mask selector beats amp-unmask");
  assert.equal(stored.replayed.headline, "Public headline text");
});
