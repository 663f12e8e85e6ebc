import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { serveWebHandler } from '@/lib/http/serve-web-handler';
import { answerPlatformRequest, claimReadNonce } from '../answer-platform-request';
import { listPlatformGuarantees } from '../platform-guarantees';
import { answerSso } from '../answer-sso';
import { answerGuaranteeDocument } from '../answer-guarantee-document';
import { pushProject } from '../push-project';
import { recordPlatformProjectEvent } from '../record-platform-project-event';

export interface PlatformApiServer {
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * For tests: the guarantee platform's /api/platform/v1 on a real HTTP server on 127.0.0.1, answering with
 * the same functions as the app's routes (app/api/platform/v1, app/sso), against the test's database.
 */
export async function startPlatformApiServer(db: Kysely<Database>): Promise<PlatformApiServer> {
  const handler = (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const events = /^\/api\/platform\/v1\/projects\/([^/]+)\/events$/.exec(path);
    if (events && request.method === 'POST') {
      return answerPlatformRequest(request, (d, p, body) => recordPlatformProjectEvent(d, p, decodeURIComponent(events[1]!), body), db);
    }
    const project = /^\/api\/platform\/v1\/projects\/([^/]+)$/.exec(path);
    if (project && request.method === 'PUT') {
      return answerPlatformRequest(request, (d, p, body) => pushProject(d, p, decodeURIComponent(project[1]!), body), db);
    }
    if (path === '/api/platform/v1/guarantees' && request.method === 'GET') {
      return answerPlatformRequest(request, async (d, p) => {
        await claimReadNonce(d, p);
        return listPlatformGuarantees(d, p, new URL(request.url).searchParams);
      }, db);
    }
    const document = /^\/api\/platform\/v1\/guarantees\/([^/]+)\/document$/.exec(path);
    if (document && request.method === 'GET') return answerGuaranteeDocument(request, decodeURIComponent(document[1]!), db);
    const sso = /^\/sso\/([^/]+)$/.exec(path);
    if (sso && request.method === 'GET') return answerSso(request, decodeURIComponent(sso[1]!), db);
    return Promise.resolve(Response.json({ code: 'NOT_FOUND', message: '接口不存在', data: null }, { status: 404 }));
  };
  const server: Server = createServer((incoming, outgoing) => void serveWebHandler(incoming, outgoing, handler, []));
  // The client (fetch) closes idle connections itself; a server closing them after 5 s races a request sent on
  // one just then (ECONNRESET) when a test pauses that long between calls, as rendering a policy can.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
