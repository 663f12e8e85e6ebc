import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { API_CONTENT_SECURITY_POLICY } from '../lib/http/content-security-policy';
import { markPeerAddressStamping, stampPeerAddress } from '../lib/http/peer-address';
import { serveWebHandler } from '../lib/http/serve-web-handler';
import staticSecurityHeaders from '../lib/http/static-security-headers.json';
import { trustedProxies } from '../lib/http/trusted-proxies';
import { answerBankNotification, BANK_WEBHOOK_PATH } from '../lib/payments/answer-bank-notification';
import { configuredSmsProvider } from '../lib/sms/configured-sms-provider';

// `npm start`: the production server. It is `next start` plus two things:
// - it tells the app the socket's address (lib/http/peer-address.ts), which Next.js cannot do from inside a
//   route and the rate limits need to decide whether X-Forwarded-For may be believed (TRUSTED_PROXIES);
// - it answers the banks' notifications itself, with the route's own handler: Next's router costs several
//   times what storing a notification does, and in a deadline rush banks wait on every millisecond of it.
// Takes `-p`/`--port` and `-H`/`--hostname` as `next start` does (defaults: PORT or 3000, HOSTNAME or all
// interfaces).
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });

trustedProxies(); // a malformed TRUSTED_PROXIES stops the server here, before it serves anything
configuredSmsProvider(); // and so does an SMS_PROVIDER no provider answers to
markPeerAddressStamping();
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const webhookHeaders = [...staticSecurityHeaders, { key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }];
const isBankWebhook = (request: IncomingMessage) => request.method === 'POST' && request.url?.split('?')[0] === BANK_WEBHOOK_PATH;
const server = createServer((request, response) => {
  stampPeerAddress(request);
  if (isBankWebhook(request)) void serveWebHandler(request, response, answerBankNotification, webhookHeaders);
  else void handle(request, response);
}).listen(port, hostname, () => {
  console.log(`▲ 电子保函服务平台 ready on http://${hostname ?? 'localhost'}:${port}`);
});

// A stop (a deploy, a scale-down) lets the requests in flight finish, at most 10 s; a policy document
// being rendered is simply taken up again by the next renderer when its lease ends.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: no new requests; stopping once those in flight have been answered`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
