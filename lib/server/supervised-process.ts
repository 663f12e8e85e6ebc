/**
 * What the supervising process of `npm start` (app-supervisor.ts) and each app process it starts
 * (app-process-listeners.ts) say to each other over the IPC channel `fork` opens.
 */

/** The environment variable through which an app process learns that it is supervised, and how. */
export const APP_PROCESS_ENV = 'BID_GUARANTEE_APP_PROCESS';

export interface AppProcessSettings {
  /** 0 for the first app process; a replacement keeps the index of the one it replaces. */
  index: number;
  port: number;
  hostname: string | undefined;
  /** How many copies of the listening socket this process is to watch. */
  acceptsPerTurn: number;
}

/** App process → supervisor. `bound` carries the listening socket's handle. */
export type ToSupervisor = { kind: 'ready' } | { kind: 'bound' } | { kind: 'listening' };
/** Supervisor → app process. `listener` carries one more copy of the listening socket. */
export type ToAppProcess = { kind: 'bind' } | { kind: 'listener' };

const KINDS = new Set(['ready', 'bound', 'listening', 'bind', 'listener']);

export function isSupervisorMessage<T extends ToSupervisor | ToAppProcess>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && KINDS.has((message as { kind?: unknown }).kind as string);
}

export function encodeAppProcessSettings(settings: AppProcessSettings): string {
  return JSON.stringify(settings);
}

/** The settings the supervisor gave this process, or undefined when nothing started it as an app process. */
export function appProcessSettings(env: Record<string, string | undefined> = process.env): AppProcessSettings | undefined {
  const raw = env[APP_PROCESS_ENV];
  if (!raw) return undefined;
  const parsed = JSON.parse(raw) as Partial<AppProcessSettings>;
  const whole = (value: unknown, min: number) => typeof value === 'number' && Number.isInteger(value) && value >= min;
  if (!whole(parsed.index, 0) || !whole(parsed.port, 0) || !whole(parsed.acceptsPerTurn, 1)) {
    throw new Error(`${APP_PROCESS_ENV} 格式无效：${raw}`);
  }
  return { index: parsed.index!, port: parsed.port!, hostname: parsed.hostname ?? undefined, acceptsPerTurn: parsed.acceptsPerTurn! };
}
