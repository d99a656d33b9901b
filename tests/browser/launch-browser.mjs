// Launches Debian's Chromium through playwright-core with a fresh profile directory.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), "artifacts");

const CHROMIUM_ARGUMENTS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** @returns {Promise<{context: import("playwright-core").BrowserContext, close: () => Promise<void>}>} */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  const userDataDirectory = mkdtempSync(join(tmpdir(), "reel-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDirectory, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGUMENTS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDirectory, { recursive: true, force: true });
    },
  };
}

export function artifactPath(fileName) {
  mkdirSync(ARTIFACTS_DIRECTORY, { recursive: true });
  return join(ARTIFACTS_DIRECTORY, fileName);
}
