import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The production server needs a build: the one already in `distDir` is reused; with none there, `next
 * build` makes it. A build into a folder other than .next rewrites tsconfig.json (Next adds the folder's
 * types), which would be an unasked-for change in the worktree, so the file is put back as it was.
 */
export function ensureNextBuild(root: string, distDir: string): void {
  if (fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) return;
  console.log(`no build in ${distDir}: running next build (NEXT_DIST_DIR=${distDir}) …`);
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  try {
    const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir } });
    if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal})`);
  } finally {
    fs.writeFileSync(tsconfig, before);
  }
}
