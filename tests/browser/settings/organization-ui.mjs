// Driving Settings → "Organizations & projects" in Chromium: open the tab, find an
// organization's card and a project's row, create organizations, projects and members.
import { launchChromium } from "../launch-browser.mjs";

/** A fresh Chromium that may use the clipboard (the Copy button), closed when the suite ends. */
export async function launchChromiumWithClipboard(server, registerCleanup) {
  const browser = await launchChromium();
  registerCleanup(() => browser.close());
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

export async function logInAs(page, server, email, password) {
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", email);
  await page.fill("#login-password", password);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
}

export async function logOut(page, server) {
  await page.click('.app-user button:has-text("Log out")');
  await page.waitForURL(`${server.baseUrl}/login`);
}

/** Settings (the nav link) → the "Organizations & projects" tab, with the list loaded. */
export async function openOrganizationsTab(page, server) {
  await page.click('.app-nav a:has-text("Settings")');
  await page.waitForURL(`${server.baseUrl}/settings/project`);
  await page.click('[data-testid="settings-tab-organizations"]');
  await page.waitForURL(`${server.baseUrl}/settings/organizations`);
  await page.locator('[data-testid="organization-list"]').waitFor();
}

export function organizationCard(page, name) {
  return page.locator('[data-testid="organization"]', { has: page.locator('[data-testid="organization-name"]', { hasText: name }) });
}

export function projectRow(scope, name) {
  return scope.locator(`[data-testid="organization-project"][data-project-name=${JSON.stringify(name)}]`);
}

/** The visible project names of every organization, by organization name. */
export async function shownOrganizations(page) {
  return page.locator('[data-testid="organization"]').evaluateAll((cards) =>
    Object.fromEntries(
      cards.map((card) => [
        card.querySelector('[data-testid="organization-name"]').textContent,
        [...card.querySelectorAll('[data-testid="organization-project-name"]')].map((cell) => cell.firstChild.textContent),
      ]),
    ),
  );
}

/** Submits `form` and returns the server's answer to the POST it sends to `pathPattern`. */
export async function submitAndAwaitAnswer(page, form, pathPattern) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === "POST" && pathPattern.test(new URL(candidate.url()).pathname)),
    form.locator('button[type="submit"]').click(),
  ]);
  return { status: response.status(), body: await response.json() };
}
