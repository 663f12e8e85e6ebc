import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPTS_PER_TURN, serverProcessesConfig } from './server-processes-config';

describe('serverProcessesConfig', () => {
  it('defaults to one app process with the default copies, on either database', () => {
    expect(serverProcessesConfig({})).toEqual({ processes: 1, acceptsPerTurn: DEFAULT_ACCEPTS_PER_TURN });
    expect(serverProcessesConfig({ DATABASE_URL: 'postgres://x', WEB_CONCURRENCY: ' ', ACCEPTS_PER_TURN: '' })).toEqual({ processes: 1, acceptsPerTurn: 16 });
  });

  it('takes several app processes on PostgreSQL only', () => {
    expect(serverProcessesConfig({ DATABASE_URL: 'postgres://x', WEB_CONCURRENCY: '4', ACCEPTS_PER_TURN: '32' })).toEqual({ processes: 4, acceptsPerTurn: 32 });
    expect(() => serverProcessesConfig({ WEB_CONCURRENCY: '2' })).toThrow('WEB_CONCURRENCY=2 需要 PostgreSQL（DATABASE_URL）');
    expect(serverProcessesConfig({ WEB_CONCURRENCY: '1' }).processes).toBe(1);
  });

  it.each(['0', '33', '1.5', '-1', '2e1', '0x10', '４', 'two'])('refuses WEB_CONCURRENCY=%j with the range it takes', (value) => {
    expect(() => serverProcessesConfig({ DATABASE_URL: 'postgres://x', WEB_CONCURRENCY: value })).toThrow(`WEB_CONCURRENCY 应为 1 到 32 的整数，实际为 ${JSON.stringify(value)}`);
  });

  it.each(['0', '129', '1.0', 'many'])('refuses ACCEPTS_PER_TURN=%j', (value) => {
    expect(() => serverProcessesConfig({ ACCEPTS_PER_TURN: value })).toThrow('ACCEPTS_PER_TURN 应为 1 到 128 的整数');
  });
});
