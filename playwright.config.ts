import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, defineConfig } from '@playwright/test';
import { E2E_BANK_SECRET } from './e2e/bank';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** CHROMIUM_PATH, else Debian's chromium, else Playwright's own; with none, say how to get one. */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own installed here; fall through to the explanation.
  }
  throw new Error(
    '找不到 Chromium 浏览器，无法运行浏览器测试。请安装 Debian 的 chromium（apt-get install -y chromium fonts-noto-cjk），' +
      '或通过 CHROMIUM_PATH 指定浏览器可执行文件路径。',
  );
}

// The token that lets the journeys move the server's clock; like the data directory, decided once in the
// main process and inherited by the workers.
const clockToken = (process.env.E2E_CLOCK_TOKEN ??= randomBytes(24).toString('hex'));

// A fresh embedded database per run, so every run starts from the demo data. Decided once here in the
// main process and handed to the server through its environment.
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bid-guarantee-e2e-')));

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e',
  // One app process owns the embedded database, and the journeys share its data: run them in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: `${process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e'}-report`, open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The app's own server (npm start), so the browser tests run the production path of client addresses.
    command: `npx tsx scripts/start-server.ts -p ${PORT} -H 127.0.0.1`,
    url: `${BASE_URL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATA_DIR: dataDir,
      NEXTAUTH_URL: BASE_URL,
      // The embedded database is used even if the calling shell points at a server.
      DATABASE_URL: '',
      BANK_SECRET_DEMO: E2E_BANK_SECRET,
      // Lets the journeys move the server's clock past a bid opening (lib/time/test-clock-control.ts).
      E2E_CLOCK_CONTROL: clockToken,
      // Deadline sweeps would race the moved clock; the journeys exercise them through the clock instead.
      DISABLE_SCHEDULED_JOBS: '1',
    },
  },
});
