import { z } from 'zod';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import { now, shiftedClock, systemClock, useClock } from './clock';

/**
 * Browser tests run the production build and must still reach bid opening or a deposit deadline. With
 * E2E_CLOCK_CONTROL=1 (set only by the Playwright configuration) they may move the server's clock; in
 * any other process the control does not exist.
 */
export function clockControlEnabled(): boolean {
  return process.env.E2E_CLOCK_CONTROL === '1' && !process.env.DATABASE_URL;
}

const inputSchema = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

export function setTestClock(input: unknown): { now: string } {
  if (!clockControlEnabled()) throw new DomainError('NOT_FOUND', '接口不存在');
  const { at } = parseInput(inputSchema, input);
  useClock(at === null ? systemClock : shiftedClock(new Date(at)));
  return { now: now().toISOString() };
}
