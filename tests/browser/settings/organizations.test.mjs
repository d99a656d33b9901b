// Settings → "Organizations & projects": an organization and a project created in the UI, the
// project's key copied and used to ingest a session that Session Replays lists under the new
// project; a member added (the server's message when a new member has no password) who then
// sees only that organization's project.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { ingestSession, waitForSearch } from "../replay-search/replay-fixtures.mjs";
import { listedDeviceIds, openReplayList } from "../replay-search/replay-ui.mjs";
import { startReelServer } from "../start-server.mjs";
import { launchChromiumWithClipboard, logInAs, logOut, openOrganizationsTab, organizationCard, projectRow, shownOrganizations, submitAndAwaitAnswer } from "./organization-ui.mjs";

const ORGANIZATION = "Acme Analytics";
const PROJECT = "Acme Web";
const MEMBER = { email: "grace@acme.example", password: "grace-acme-2026" };

const cleanups = [];
let server;
let page;
let pageErrors;
let acmeWeb;

before(async () => {
  server = await startReelServer();
  cleanups.push(() => server.stop());
  ({ page, pageErrors } = await launchChromiumWithClipboard(server, (cleanup) => cleanups.push(cleanup)));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await logInAs(page, server, server.adminEmail, server.adminPassword);
});

after(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
});

test("a new organization and project get a key whose sessions Session Replays lists under the project", { timeout: 90_000 }, async () => {
  await openOrganizationsTab(page, server);
  assert.deepEqual(await shownOrganizations(page), { "Default organization": ["Demo Shop"] });
  assert.equal(await projectRow(page, "Demo Shop").locator('[data-testid="project-api-key"]').innerText(), server.apiKey);

  const organizationForm = page.locator('[data-testid="create-organization"]');
  await organizationForm.locator('input[name="name"]').fill(ORGANIZATION);
  const createdOrganization = await submitAndAwaitAnswer(page, organizationForm, /^\/api\/v1\/organizations$/);
  assert.equal(createdOrganization.status, 201);
  const acme = organizationCard(page, ORGANIZATION);
  await acme.waitFor();
  assert.match(await acme.innerText(), /No project yet/);

  const projectForm = acme.locator('[data-testid="create-project"]');
  await projectForm.locator('input[name="name"]').fill(PROJECT);
  const createdProject = await submitAndAwaitAnswer(page, projectForm, /^\/api\/v1\/organizations\/\d+\/projects$/);
  assert.equal(createdProject.status, 201);
  acmeWeb = createdProject.body.project;
  const row = projectRow(acme, PROJECT);
  await row.waitFor();
  assert.equal(await row.locator('[data-testid="organization-project-id"]').innerText(), String(acmeWeb.id));
  const shownKey = await row.locator('[data-testid="project-api-key"]').innerText();
  assert.equal(shownKey, acmeWeb.api_key);
  assert.notEqual(shownKey, server.apiKey, "a key of its own");
  assert.match(await row.innerText(), /New/);

  await row.locator('[data-testid="copy-api-key"]').click();
  await row.locator('[data-testid="copy-api-key"]', { hasText: "Copied" }).waitFor();
  const copiedKey = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copiedKey, shownKey);
  await page.screenshot({ path: artifactPath("organizations-created.png"), fullPage: true });

  // The copied key sends a session into the new project; Demo Shop's key one into Demo Shop.
  await ingestSession(server, { apiKey: copiedKey, deviceId: "acme-device", startMs: Date.now() - 10 * 60_000, durationMs: 20_000, clicks: 2 });
  await ingestSession(server, { deviceId: "demo-device", startMs: Date.now() - 20 * 60_000, durationMs: 30_000 });
  const today = new Date().toISOString().slice(0, 10);
  await waitForSearch(page, server, { start_date: today, end_date: today }, (sessions) => sessions.length === 2, "both sessions");

  await page.click('.app-nav a:has-text("Session Replays")');
  await page.locator('[data-testid="replay-results"][data-state="loaded"]').waitFor();
  const chooser = page.locator('[data-testid="project-chooser"]');
  const choices = await chooser.locator("option").allInnerTexts();
  assert.ok(choices.some((choice) => choice.includes(PROJECT)), `the chooser offers ${PROJECT}: ${choices.join(", ")}`);
  const projectCell = (deviceId) => page.locator(`[data-testid="session-row"][data-device-id="${deviceId}"] [data-testid="project-cell"]`).innerText();
  assert.equal(await projectCell("acme-device"), PROJECT);
  assert.equal(await projectCell("demo-device"), "Demo Shop");
  await page.screenshot({ path: artifactPath("organizations-replay-list.png") });

  await openReplayList(page, server, `?projects=${acmeWeb.id}`);
  assert.deepEqual(await listedDeviceIds(page), ["acme-device"]);
  assert.equal(await chooser.inputValue(), String(acmeWeb.id));

  // The header's project switcher picks the project the one-project pages show (settings, charts, lookup).
  const switcher = page.locator('[data-testid="current-project"]');
  assert.match((await switcher.locator("option").allInnerTexts()).join(" | "), /Acme Analytics \/ Acme Web/);
  await Promise.all([page.waitForEvent("load"), switcher.selectOption(String(acmeWeb.id))]);
  await page.click('.app-nav a:has-text("Settings")');
  await page.locator('[data-testid="settings-project-name"]', { hasText: PROJECT }).waitFor();
  await page.reload();
  assert.equal(await page.locator('[data-testid="current-project"]').inputValue(), String(acmeWeb.id), "kept over a reload");
  await page.screenshot({ path: artifactPath("organizations-project-switcher.png") });
});

test("a new member needs a password (the server says so), then sees only that organization's project", { timeout: 90_000 }, async () => {
  await openOrganizationsTab(page, server);
  const memberForm = organizationCard(page, ORGANIZATION).locator('[data-testid="add-member"]');
  await memberForm.locator('input[name="email"]').fill(MEMBER.email);
  const refused = await submitAndAwaitAnswer(page, memberForm, /^\/api\/v1\/organizations\/\d+\/members$/);
  assert.equal(refused.status, 400);
  const error = memberForm.locator('[data-testid="add-member-error"]');
  await error.waitFor();
  assert.equal(await error.innerText(), refused.body.error.message);
  assert.match(refused.body.error.message, /password/);
  await memberForm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath("organizations-member-error.png") });

  await memberForm.locator('input[name="password"]').fill(MEMBER.password);
  const added = await submitAndAwaitAnswer(page, memberForm, /^\/api\/v1\/organizations\/\d+\/members$/);
  assert.equal(added.status, 201);
  await memberForm.locator('[data-testid="member-added"]').waitFor();
  assert.equal(await error.count(), 0, "the error is gone");
  assert.match(await memberForm.locator('[data-testid="member-added"]').innerText(), new RegExp(MEMBER.email));
  assert.equal(await memberForm.locator('input[name="password"]').inputValue(), "", "the password is not kept in the form");
  await page.screenshot({ path: artifactPath("organizations-member-added.png") });

  await logOut(page, server);
  await logInAs(page, server, MEMBER.email, MEMBER.password);
  await openOrganizationsTab(page, server);
  assert.deepEqual(await shownOrganizations(page), { [ORGANIZATION]: [PROJECT] });
  assert.equal(await page.getByText("Demo Shop", { exact: true }).count(), 0);
  await page.screenshot({ path: artifactPath("organizations-member-view.png") });

  await page.click('.app-nav a:has-text("Session Replays")');
  await page.locator('[data-testid="replay-results"][data-state="loaded"]').waitFor();
  assert.deepEqual(await listedDeviceIds(page), ["acme-device"]);
  const cells = await page.locator('[data-testid="project-cell"]').allInnerTexts();
  assert.deepEqual(cells, [PROJECT]);
  assert.equal(await page.locator('[data-testid="project-chooser"]').count(), 0, "one project: nothing to choose");
  assert.equal(await page.getByText("Demo Shop", { exact: true }).count(), 0);
  assert.deepEqual(pageErrors, []);
});
