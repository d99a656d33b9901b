// The web UI needs a login: pages send a visitor without the cookie to /login.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath, launchChromium } from "./launch-browser.mjs";
import { startReelServer } from "./start-server.mjs";

test("the session list and the player require a login", { timeout: 60_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();

  await page.goto(`${server.baseUrl}/`);
  await page.waitForURL(`${server.baseUrl}/login`);
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.screenshot({ path: artifactPath("login.png") });
  assert.equal(await page.locator('[data-testid="session-row"]').count(), 0);

  await page.goto(`${server.baseUrl}/replays/some-session`);
  await page.waitForURL(/\/login\?return_to=%2Freplays%2Fsome-session$/);

  const answer = await page.request.get(`${server.baseUrl}/api/v1/sessions`);
  assert.equal(answer.status(), 401);
});

test("a wrong password keeps the visitor on /login with a message", { timeout: 60_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();

  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", "not-the-password");
  await page.click("#login-submit");
  await page.locator('[data-testid="login-error"]').waitFor();
  assert.equal(new URL(page.url()).pathname, "/login");

  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
  await page.getByRole("heading", { name: "Home", exact: true }).waitFor();
});
