import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { POST as bankNotification } from '@/app/api/bank/transfers/route';
import { NextRequest } from 'next/server';
import { readCappedBody } from './read-capped-body';

const MB = 1024 * 1024;

/** A body of `total` bytes produced only as it is read, counting how much was pulled. */
function countingStream(total: number, chunk = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x61));
    },
  });
  return { stream, counter };
}

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest(new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit));

describe('reading a body with a cap', () => {
  it('returns the bytes of a body within the cap', async () => {
    expect(new TextDecoder().decode(await readCappedBody(new Request('http://x/', { method: 'POST', body: '{"a":1}' }), 100))).toBe('{"a":1}');
  });

  it('refuses a declared length over the cap before reading anything', async () => {
    const { stream, counter } = countingStream(10 * MB);
    const error = await expectRefusal(readCappedBody(post('http://x/', stream, { 'content-length': String(10 * MB) }), MB));
    expect([error.code, error.status]).toEqual(['PAYLOAD_TOO_LARGE', 413]);
    // Streams fill their queues a chunk or two ahead on their own; nothing is read past that.
    expect(counter.pulled).toBeLessThanOrEqual(4 * 64 * 1024);
  });

  it('stops reading an undeclared body as soon as it passes the cap', async () => {
    const { stream, counter } = countingStream(100 * MB);
    const error = await expectRefusal(readCappedBody(post('http://x/', stream), MB));
    expect(error.message).toBe('请求内容过大（不能超过 1 MB）');
    // What was pulled is the cap plus what the stream had queued ahead, not the 100 MB sent.
    expect(counter.pulled).toBeLessThan(2 * MB);
  });

  it('keeps the public bank webhook from buffering a 100 MB body', async () => {
    const { stream, counter } = countingStream(100 * MB);
    const response = await bankNotification(post('http://localhost/api/bank/transfers', stream, { 'x-bank-code': 'demo', 'content-type': 'application/json' }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '通知内容过大' });
    expect(counter.pulled).toBeLessThan(MB);
  });
});
