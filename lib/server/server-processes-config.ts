type Env = Record<string, string | undefined>;

/** How `npm start` runs the app: how many app processes share the port, and how many accepts each has. */
export interface ServerProcessesConfig {
  /** WEB_CONCURRENCY: app processes (default 1; more only on PostgreSQL). */
  processes: number;
  /**
   * ACCEPTS_PER_TURN: copies of the listening socket each app process watches (default 16). Node 20's
   * libuv accepts one connection per copy per turn of the event loop, so under a rush of new connections
   * a single copy admits one bank connection per turn, however busy the turn (see lib/server/app-supervisor.ts).
   */
  acceptsPerTurn: number;
}

export const DEFAULT_ACCEPTS_PER_TURN = 16;

function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} 应为 ${min} 到 ${max} 的整数，实际为 ${JSON.stringify(env[name])}`);
  }
  return value;
}

/** Read once by `npm start`'s supervising process; a malformed value stops it before anything starts. */
export function serverProcessesConfig(env: Env = process.env): ServerProcessesConfig {
  const processes = integerSetting(env, 'WEB_CONCURRENCY', 1, 1, 32);
  if (processes > 1 && !env.DATABASE_URL) {
    throw new Error(`WEB_CONCURRENCY=${processes} 需要 PostgreSQL（DATABASE_URL）：内嵌数据库（PGlite）只能由一个进程打开`);
  }
  return { processes, acceptsPerTurn: integerSetting(env, 'ACCEPTS_PER_TURN', DEFAULT_ACCEPTS_PER_TURN, 1, 128) };
}
