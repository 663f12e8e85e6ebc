import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Answers a Node request with a handler written for web Requests and Responses (as the app's route
 * handlers are), adding `headers` to the answer. For the few paths the production server answers itself
 * rather than through Next's router (scripts/app-process.ts, under npm start).
 */
export async function serveWebHandler(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handler: (request: Request) => Promise<Response>,
  headers: readonly { key: string; value: string }[],
): Promise<void> {
  try {
    const requestHeaders = new Headers();
    for (let i = 0; i < incoming.rawHeaders.length; i += 2) requestHeaders.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
    const method = incoming.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(`http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
      method,
      headers: requestHeaders,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      // @ts-expect-error -- Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it yet
      duplex: 'half',
    });
    const response = await handler(request);
    for (const { key, value } of headers) outgoing.setHeader(key, value);
    response.headers.forEach((value, key) => outgoing.setHeader(key, value));
    outgoing.writeHead(response.status);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    // The handler answers its own failures; this is the adapter failing (a client gone mid-answer).
    console.error(error);
    if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(JSON.stringify({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }));
  }
}
