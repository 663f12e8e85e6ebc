import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The worktree root: the server runs from it, as `npm start` does (it reads its build and the render worker from there). */
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RushServerSettings {
  databaseUrl: string;
  /** The demo bank's secret the notifications are signed with. */
  bankSecret: string;
  /** Anything else the server should get (POLICY_DOCUMENT_LEASE_SECONDS, …). */
  env?: Record<string, string>;
}

/**
 * What a production server on PostgreSQL must be given (lib/config/secrets.ts refuses to generate them
 * there). Decided once per run: a restarted server must unwrap the section keys its predecessor wrapped.
 */
export function rushServerEnv(settings: RushServerSettings, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    SEED_DEMO: '',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    POLICY_MASTER_KEY: randomBytes(32).toString('base64url'),
    BANK_SECRET_DEMO: settings.bankSecret,
    // The deadline sweeps have nothing to do in a rush and would only add noise to it.
    DISABLE_SCHEDULED_JOBS: '1',
    ...settings.env,
  };
}

// Servers started here and not yet gone. A caller that ends (an error, a signal handled with process.exit,
// a test runner's worker shutting down) while a server is still starting would otherwise leave it running:
// it is detached, in a process group of its own.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface RushServer {
  baseUrl: string;
  /** npm start's supervising process (`node` itself, no npx or tsx wrapper in between); its app processes are its children. */
  pid: number;
  /** What the server printed so far (for a failure's report). */
  output(): string;
  /** SIGKILL to the server's process group: a crash, nothing is flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not gone within 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts the production server (scripts/start-server.ts, the build in NEXT_DIST_DIR or .next) as its
 * own process group and waits until it answers. Started with `node --import tsx` rather than through
 * npm or npx, so the pid is the supervisor's and a signal to the group reaches its app processes too.
 */
export async function startRushServer(env: NodeJS.ProcessEnv, port: number, nodeOptions: string[] = []): Promise<RushServer> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'scripts/start-server.ts', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64 * 1024);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RushServer = {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    kill: () => signalGroup(child, 'SIGKILL', exited),
    stop: async () => {
      await Promise.race([signalGroup(child, 'SIGTERM', exited), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await signalGroup(child, 'SIGKILL', exited);
    },
  };
  try {
    await waitUntilAnswering(baseUrl, child, 180_000);
  } catch (error) {
    await server.kill();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

async function signalGroup(child: ChildProcess, signal: NodeJS.Signals, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  await exited;
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const response = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${baseUrl} did not answer within ${timeoutMs / 1000} s`);
}
