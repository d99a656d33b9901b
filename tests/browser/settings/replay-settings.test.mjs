// Project settings, "Session Replay & Heatmaps": every field changed in the form, saved, kept over
// a reload, and handed to the SDKs through the remote config (`GET /config/{api_key}`); a value the
// form refuses and one the server refuses (its own message shown).
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { logIn } from "../player/player-test-support.mjs";
import { startReelServer } from "../start-server.mjs";

const field = (page, testId) => page.locator(`[data-testid="${testId}"]`);

async function openSettings(t, serverOptions = {}) {
  const server = await startReelServer(serverOptions);
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await logIn(page, server);
  await page.click('.app-nav a:has-text("Settings")');
  await page.waitForURL(`${server.baseUrl}/settings/project`);
  await field(page, "replay-settings-form").waitFor();
  return { server, page };
}

/** What the form shows, field by field. */
async function readForm(page) {
  return {
    replayCapture: await field(page, "replay-capture-enabled").isChecked(),
    sampleRate: await field(page, "replay-sample-rate").inputValue(),
    privacy: await page.locator('input[name="privacy-level"]:checked').getAttribute("value"),
    block: await field(page, "block-selectors").inputValue(),
    mask: await field(page, "mask-selectors").inputValue(),
    unmask: await field(page, "unmask-selectors").inputValue(),
    console: await field(page, "console-capture-enabled").isChecked(),
    interactions: await field(page, "interaction-capture-enabled").isChecked(),
    retention: await field(page, "retention-days").inputValue(),
  };
}

async function remoteConfig(server) {
  const answer = await fetch(`${server.baseUrl}/config/${server.apiKey}?config_group=browser`);
  assert.equal(answer.status, 200);
  return (await answer.json()).configs.sessionReplay;
}

test("each replay setting is saved, kept over a reload and reaches the SDK's remote config", { timeout: 90_000 }, async (t) => {
  const { server, page } = await openSettings(t);
  assert.equal(await page.locator("h2", { hasText: "Session Replay & Heatmaps" }).count(), 1);
  assert.match(await field(page, "settings-new-sessions-note").textContent(), /new sessions only/);
  assert.deepEqual(await readForm(page), {
    replayCapture: true, sampleRate: "100", privacy: "medium", block: "", mask: "", unmask: "", console: true, interactions: false, retention: "90",
  });
  assert.equal(await field(page, "settings-save").isDisabled(), true, "nothing to save yet");

  await field(page, "console-capture-enabled").uncheck();
  await field(page, "replay-sample-rate").fill("25");
  await field(page, "privacy-level-conservative").check();
  await field(page, "block-selectors").fill(".ads\n\n  #chat-widget  \n");
  await field(page, "mask-selectors").fill(".secret");
  await field(page, "unmask-selectors").fill(".public-price\n[data-unmask]");
  await field(page, "interaction-capture-enabled").check();
  await field(page, "retention-days").selectOption("30");
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: artifactPath("settings-edited.png") });

  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.method() === "PATCH" && /\/api\/v1\/projects\/\d+$/.test(candidate.url())),
    field(page, "settings-save").click(),
  ]);
  assert.deepEqual(request.postDataJSON(), {
    retention_days: 30,
    settings: {
      replay_capture_enabled: true,
      replay_sample_rate: 0.25,
      privacy_level: "conservative",
      privacy_block_selectors: [".ads", "#chat-widget"],
      privacy_mask_selectors: [".secret"],
      privacy_unmask_selectors: [".public-price", "[data-unmask]"],
      console_capture_enabled: false,
      interaction_capture_enabled: true,
    },
  });
  await field(page, "settings-saved").waitFor();

  const expected = {
    replayCapture: true, sampleRate: "25", privacy: "conservative", block: ".ads\n#chat-widget", mask: ".secret",
    unmask: ".public-price\n[data-unmask]", console: false, interactions: true, retention: "30",
  };
  assert.deepEqual(await readForm(page), expected, "the form shows the server's answer");
  await page.reload();
  await field(page, "replay-settings-form").waitFor();
  assert.deepEqual(await readForm(page), expected, "kept over a reload");

  const replay = await remoteConfig(server);
  assert.deepEqual(replay.sr_sampling_config, { sample_rate: 0.25, capture_enabled: true });
  assert.equal(replay.sr_privacy_config.defaultMaskLevel, "conservative");
  assert.deepEqual(replay.sr_privacy_config.blockSelector, [".ads", "#chat-widget"]);
  assert.deepEqual(replay.sr_privacy_config.maskSelector, [".secret"]);
  assert.deepEqual(replay.sr_privacy_config.unmaskSelector, [".public-price", "[data-unmask]"]);
  assert.equal(replay.sr_logging_config.console.enabled, false);
  assert.equal(replay.sr_interaction_config.enabled, true);
  const project = (await (await page.request.get(`${server.baseUrl}/api/v1/projects`)).json()).projects[0];
  const detail = await (await page.request.get(`${server.baseUrl}/api/v1/projects/${project.id}`)).json();
  assert.equal(detail.project.retention_days, 30);

  // Back to light privacy, everything recorded, 90 days: the config follows again.
  await field(page, "privacy-level-light").check();
  await field(page, "replay-sample-rate").fill("100");
  await field(page, "console-capture-enabled").check();
  await field(page, "mask-selectors").fill("");
  await field(page, "retention-days").selectOption("90");
  await field(page, "settings-save").click();
  await field(page, "settings-saved").waitFor();
  const again = await remoteConfig(server);
  assert.equal(again.sr_privacy_config.defaultMaskLevel, "light");
  assert.equal(again.sr_sampling_config.sample_rate, 1);
  assert.equal(again.sr_logging_config.console.enabled, true);
  assert.deepEqual(again.sr_privacy_config.maskSelector, []);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifactPath("settings-saved.png") });
});

test("a sample rate out of range is refused by the form; a retention the server refuses shows its message", { timeout: 60_000 }, async (t) => {
  const { server, page } = await openSettings(t, { configToml: "[retention]\nallowed_days = [90]\n" });
  let patches = 0;
  page.on("request", (request) => {
    if (request.method() === "PATCH") {
      patches += 1;
    }
  });
  await field(page, "replay-sample-rate").fill("150");
  await field(page, "settings-save").click();
  await field(page, "settings-error").waitFor();
  assert.match(await field(page, "settings-error").textContent(), /percentage from 0 to 100/);
  assert.equal(patches, 0, "the form sent nothing");

  await field(page, "replay-sample-rate").fill("50");
  await field(page, "retention-days").selectOption("30");
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "PATCH"),
    field(page, "settings-save").click(),
  ]);
  assert.equal(response.status(), 400);
  const serverMessage = (await response.json()).error.message;
  await page.waitForFunction(() => !document.querySelector('[data-testid="settings-error"]')?.textContent?.includes("percentage"));
  const shown = await field(page, "settings-error").textContent();
  assert.ok(shown.includes(serverMessage), `"${shown}" shows the server's "${serverMessage}"`);
  assert.match(serverMessage, /retention_days/);
  await field(page, "settings-error").scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath("settings-error.png") });

  // Nothing was kept: the remote config still samples every session.
  const replay = await remoteConfig(server);
  assert.equal(replay.sr_sampling_config.sample_rate, 1);
});
