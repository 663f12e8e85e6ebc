import type { IncomingMessage } from 'node:http';
import { API_CONTENT_SECURITY_POLICY } from '../lib/http/content-security-policy';
import { markPeerAddressStamping, stampPeerAddress } from '../lib/http/peer-address';
import { serveWebHandler } from '../lib/http/serve-web-handler';
import staticSecurityHeaders from '../lib/http/static-security-headers.json';
import { trustedProxies } from '../lib/http/trusted-proxies';
import { answerBankNotification, BANK_WEBHOOK_PATH } from '../lib/payments/answer-bank-notification';
import { getDb } from '../lib/database';
import { listenUnderSupervisor } from '../lib/server/app-process-listeners';
import { appProcessSettings } from '../lib/server/supervised-process';
import { configuredSmsProvider } from '../lib/sms/configured-sms-provider';

// One app process of `npm start` (scripts/start-server.ts starts and supervises it). It is `next start`
// plus two things:
// - it tells the app the socket's address (lib/http/peer-address.ts), which Next.js cannot do from inside a
//   route and the rate limits need to decide whether X-Forwarded-For may be believed (TRUSTED_PROXIES);
// - it answers the banks' notifications itself, with the route's own handler: Next's router costs several
//   times what storing a notification does, and in a deadline rush banks wait on every millisecond of it.
const settings = appProcessSettings();
if (!settings) throw new Error('scripts/app-process.ts 由 npm start（scripts/start-server.ts）启动，不单独运行');
// The supervisor gone before this process serves (it was killed while this one started): nothing would
// ever hand it the socket, and its background loops would run on unwatched. Once it serves, the graceful stop below.
const orphanedWhileStarting = () => process.exit(1);
process.once('disconnect', orphanedWhileStarting);

trustedProxies(); // a malformed TRUSTED_PROXIES stops the server here, before it serves anything
configuredSmsProvider(); // and so does an SMS_PROVIDER no provider answers to
markPeerAddressStamping();
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: settings.hostname, port: settings.port });
const handle = app.getRequestHandler();
await app.prepare();
// The database migrated and the pool open before the first request (the first process migrates; the
// supervisor starts the others once it listens).
await getDb();
const webhookHeaders = [...staticSecurityHeaders, { key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }];
const isBankWebhook = (request: IncomingMessage) => request.method === 'POST' && request.url?.split('?')[0] === BANK_WEBHOOK_PATH;
const listeners = await listenUnderSupervisor(settings, (request, response) => {
  stampPeerAddress(request);
  if (isBankWebhook(request)) void serveWebHandler(request, response, answerBankNotification, webhookHeaders);
  else void handle(request, response);
});

// A stop (a deploy, a scale-down, or the supervisor gone) lets the requests in flight finish, at most 10 s;
// a policy document being rendered is simply taken up again by the next renderer when its lease ends.
let stopping = false;
const stop = (why: string) => {
  if (stopping) return; // the supervisor passes a terminal's Ctrl-C on too: one stop is enough
  stopping = true;
  console.log(`应用进程 ${settings.index}：${why}，不再接受新请求，答复处理中的请求后退出`);
  void listeners.stop(10_000).then(() => process.exit(0));
};
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
process.off('disconnect', orphanedWhileStarting);
process.on('disconnect', () => stop('监管进程已退出'));
