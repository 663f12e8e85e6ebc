import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebHandler } from './serve-web-handler';

describe('serveWebHandler: a web handler answering a Node server', () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; header: string | null; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((incoming, outgoing) => {
      void serveWebHandler(
        incoming,
        outgoing,
        async (request) => {
          if (request.headers.get('x-explode')) throw new Error('boom');
          seen.push({ method: request.method, url: request.url, header: request.headers.get('x-bank-code'), body: await request.text() });
          return Response.json({ ok: true, 你好: '世界' }, { status: 202, headers: { 'x-answer': 'yes' } });
        },
        [{ key: 'X-Frame-Options', value: 'DENY' }],
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes method, path, headers and the streamed body, and answers status, headers and body', async () => {
    const body = '{"附言":"BG123"}'.repeat(5000);
    const response = await fetch(`${base}/api/bank/transfers?x=1`, { method: 'POST', headers: { 'x-bank-code': 'demo' }, body });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ok: true, 你好: '世界' });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: expect.stringMatching(/\/api\/bank\/transfers\?x=1$/), header: 'demo', body });
  });

  it('answers a handler that throws with a 500 in the app’s error shape, and keeps serving', async () => {
    const failed = await fetch(`${base}/x`, { method: 'POST', headers: { 'x-explode': '1' }, body: 'x' });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 'INTERNAL' });
    const next = await fetch(`${base}/y`, { method: 'POST', body: 'y' });
    expect(next.status).toBe(202);
  });
});
