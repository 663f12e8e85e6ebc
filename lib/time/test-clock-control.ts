import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import { now, shiftedClock, systemClock, useClock } from './clock';

/**
 * Browser tests run the production build and must still reach bid opening or a deposit deadline. When the
 * server is started with E2E_CLOCK_CONTROL set to a token (the Playwright configuration generates one per
 * run) on the embedded database, a caller presenting that token may move the server's clock. Anywhere
 * else — a PostgreSQL deployment, no token, a wrong token — the control does not exist.
 */
const MIN_TOKEN_LENGTH = 16;

function controlToken(): string | null {
  const token = process.env.E2E_CLOCK_CONTROL;
  return token && token.length >= MIN_TOKEN_LENGTH && !process.env.DATABASE_URL ? token : null;
}

const inputSchema = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

/** The browser tests' controls (this clock, lib/policies/document-jobs/test-renderer-control.ts) exist only for the token. */
export function requireTestControlToken(presentedToken: string | null): void {
  const token = controlToken();
  const given = Buffer.from(presentedToken ?? '');
  if (!token || given.length !== Buffer.byteLength(token) || !timingSafeEqual(given, Buffer.from(token))) {
    throw new DomainError('NOT_FOUND', '接口不存在');
  }
}

export function setTestClock(presentedToken: string | null, input: unknown): { now: string } {
  requireTestControlToken(presentedToken);
  const { at } = parseInput(inputSchema, input);
  useClock(at === null ? systemClock : shiftedClock(new Date(at)));
  return { now: now().toISOString() };
}
