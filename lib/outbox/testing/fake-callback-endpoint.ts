import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  eventId: string;
  body: string;
  headers: IncomingMessage['headers'];
  /** Whether X-Signature is right for the body, timestamp and nonce under the endpoint's secret. */
  signatureValid: boolean;
}

/** How the endpoint answers a request: a status, or 'hang' (no answer until the endpoint closes). */
export type Answer = number | 'hang';

export interface FakeCallbackEndpoint {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every request, in arrival order. */
  received: ReceivedCallback[];
  /** Requests per eventId. */
  countOf(eventId: string): number;
  /** Decides the answer of each request; by default 200. */
  answer: (request: ReceivedCallback, nth: number) => Answer | Promise<Answer>;
  close(): Promise<void>;
}

/** The heading of the page the endpoint serves to a browser (GET any path). */
export const FAKE_PLATFORM_PAGE_TITLE = '交易平台：选择其他方式缴纳投标保证金';

/**
 * A trading platform's callback endpoint for tests: a real HTTP server on 127.0.0.1 that checks the
 * signature of what it is posted, records it, and answers as the test says.
 */
export async function startFakeCallbackEndpoint(secret: string, algorithm: 'sha256' | 'sm3' = 'sha256'): Promise<FakeCallbackEndpoint> {
  const hanging = new Set<ServerResponse>();
  const endpoint: FakeCallbackEndpoint = {
    url: '',
    received: [],
    countOf: (eventId) => endpoint.received.filter((r) => r.eventId === eventId).length,
    answer: () => 200,
    close: async () => {
      for (const response of hanging) response.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    // A browser sent back by 返回交易平台 lands on a page of the platform's own.
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${FAKE_PLATFORM_PAGE_TITLE}</title></head><body><h1>${FAKE_PLATFORM_PAGE_TITLE}</h1><p>${request.url}</p></body></html>`);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature } = request.headers;
      const expected = createHmac(algorithm, secret).update(`${timestamp}.${nonce}.${body}`).digest('hex');
      let eventId = '';
      try {
        eventId = String((JSON.parse(body) as { eventId?: unknown }).eventId ?? '');
      } catch {
        // Recorded with no eventId: the test's assertions say what that means.
      }
      const received: ReceivedCallback = { eventId, body, headers: request.headers, signatureValid: signature === expected };
      endpoint.received.push(received);
      const answer = await endpoint.answer(received, endpoint.countOf(eventId));
      if (answer === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(answer, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: answer < 300 ? 'OK' : 'ERROR', message: answer < 300 ? '已接收' : '服务暂不可用' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return endpoint;
}
