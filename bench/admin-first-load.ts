/**
 * `npm run bench:admin-load` (after `npm run build`): how much JavaScript the back office makes a browser
 * download, gzipped, so the builders' cost on the admin's first load stays visible:
 *   1. first load — sign in as a regional operator and open `/admin` until its menu is shown;
 *   2. each extra page — what opening a rule draft's editor and a form draft's editor adds on top.
 * Starts `next start` on an embedded database of its own (port BENCH_PORT, default 3190) and Chromium
 * (CHROMIUM_PATH or /usr/bin/chromium). Sizes are the gzip (level 6) of each script as served.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-admin-'));

const server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NEXTAUTH_URL: BASE, DISABLE_SCHEDULED_JOBS: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start within 60 s');
}

/** Records every script the page downloads, once per URL, with its gzipped size. */
function collectScripts(page: Page) {
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script' || sizes.has(response.url())) return;
    try {
      sizes.set(response.url(), gzipSync(await response.body(), { level: 6 }).byteLength);
    } catch {
      // a redirect or an aborted request has no body
    }
  });
  return {
    list: () => [...sizes.entries()],
    total: () => [...sizes.values()].reduce((a, b) => a + b, 0),
    count: () => sizes.size,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB gz`;

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('手机号').fill('13900000002');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  // A fresh page so that only what /admin itself needs is counted.
  const admin = await browser.newPage({ storageState: await page.context().storageState() });
  const scripts = collectScripts(admin);
  await admin.goto(`${BASE}/admin`);
  await admin.getByRole('menuitem').first().waitFor({ timeout: 60_000 });
  await admin.waitForLoadState('networkidle');
  const firstLoad = scripts.total();
  console.log(`admin first load   ${kb(firstLoad).padStart(12)}  (${scripts.count()} scripts)`);
  if (process.env.BENCH_VERBOSE) for (const [url, size] of scripts.list()) console.log(`    ${kb(size).padStart(10)}  ${url.replace(BASE, '')}`);

  // Drafts of 乌鲁木齐市 (the operator's region) to open in their editors, made through the back office's API.
  const draft = async (resource: string, body: object) => {
    const response = await admin.request.post(`${BASE}/api/admin/${resource}`, { data: body });
    if (!response.ok()) throw new Error(`creating a ${resource} draft: ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const ruleDraft = await draft('rule-versions', { rule_set_key: 'invoice-type', region_id: '650100', note: 'bench' });
  const formDraft = await draft('form-versions', { form_key: 'application', region_id: '650100', note: 'bench' });
  for (const [label, hash] of [
    ['rule draft editor', `#/rule-versions/${ruleDraft}`],
    ['form draft editor', `#/form-versions/${formDraft}`],
  ] as const) {
    const before = scripts.total();
    await admin.goto(`${BASE}/admin${hash}`);
    await admin.getByRole('button', { name: '保存草稿' }).waitFor({ timeout: 60_000 });
    // The editors are loaded after the page around them: wait until one of them is on screen.
    await admin.locator('[data-testid="rule-draft-editor"], [data-testid="form-preview"]').first().waitFor({ timeout: 60_000 });
    await admin.waitForLoadState('networkidle');
    console.log(`+ ${label.padEnd(17)}${kb(scripts.total() - before).padStart(12)}`);
  }
  const extra = process.env.BENCH_ADMIN_PATHS?.split(',').filter(Boolean) ?? [];
  for (const hash of extra) {
    const before = scripts.total();
    await admin.goto(`${BASE}/admin${hash}`);
    await admin.waitForLoadState('networkidle');
    console.log(`+ ${hash.padEnd(17)}${kb(scripts.total() - before).padStart(12)}`);
  }
  await browser.close();
} finally {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
