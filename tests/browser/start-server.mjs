// Starts the real reel binary for a test: a fresh data directory, a free port, a random admin
// password and project API key. Stops it (and removes the directory) when the test is done.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_INTERVAL_MS = 100;
const STOP_TIMEOUT_MS = 5_000;

export function reelBinaryPath() {
  return process.env.REEL_BIN ?? join(repositoryRoot, "target", "debug", "reel");
}

async function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

async function waitUntilHealthy(baseUrl, child, logPath) {
  const deadlineMs = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadlineMs) {
    if (child.exitCode !== null) {
      throw new Error(`reel exited with ${child.exitCode} before it was ready:\n${readFileSync(logPath, "utf8")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok && (await response.json()).status === "ok") {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(READY_POLL_INTERVAL_MS);
  }
  throw new Error(`reel was not healthy within ${READY_TIMEOUT_MS} ms:\n${readFileSync(logPath, "utf8")}`);
}

/**
 * `environment` adds variables to the server's (e.g. `REEL_INGEST__CLOCK_SKEW_THRESHOLD_MS`);
 * `configToml`, when given, is written to a file passed as `--config` (for settings no variable can hold, e.g. lists).
 * @returns {Promise<{baseUrl: string, adminEmail: string, adminPassword: string, apiKey: string,
 *   logPath: string, readLog: () => string, stop: () => Promise<void>}>}
 */
export async function startReelServer({ environment = {}, configToml = null } = {}) {
  const binaryPath = reelBinaryPath();
  if (!existsSync(binaryPath)) {
    throw new Error(`no reel binary at ${binaryPath}: build it (cargo build) or set REEL_BIN`);
  }
  const workDirectory = mkdtempSync(join(tmpdir(), "reel-e2e-"));
  const logPath = join(workDirectory, "reel.log");
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminEmail = "admin@localhost";
  const adminPassword = randomBytes(12).toString("hex");
  const apiKey = `test-${randomBytes(12).toString("hex")}`;
  const logFile = openSync(logPath, "a");
  const serveArguments = ["serve", "--data-dir", join(workDirectory, "data"), "--listen", `127.0.0.1:${port}`];
  if (configToml !== null) {
    const configPath = join(workDirectory, "reel.toml");
    writeFileSync(configPath, configToml);
    serveArguments.push("--config", configPath);
  }
  const child = spawn(binaryPath, serveArguments, {
    env: {
      ...process.env,
      REEL_ADMIN_EMAIL: adminEmail,
      REEL_ADMIN_PASSWORD: adminPassword,
      REEL_PROJECT_API_KEY: apiKey,
      ...environment,
    },
    stdio: ["ignore", logFile, logFile],
  });
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const stoppedInTime = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!stoppedInTime) {
        child.kill("SIGKILL");
        await exited;
      }
    }
    rmSync(workDirectory, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(baseUrl, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminEmail, adminPassword, apiKey, logPath, readLog: () => readFileSync(logPath, "utf8"), stop };
}
