import path from 'node:path';
import { parseArgs } from 'node:util';
import { superviseAppProcesses } from '../lib/server/app-supervisor';
import { serverProcessesConfig } from '../lib/server/server-processes-config';

// `npm start`: the production server. This process only supervises: it starts WEB_CONCURRENCY app
// processes (scripts/app-process.ts, default one) that share the port, hands each of them
// ACCEPTS_PER_TURN copies of the listening socket (why: lib/server/app-supervisor.ts), replaces one that
// crashes, and stops them all gracefully on SIGTERM or SIGINT.
// Takes `-p`/`--port` and `-H`/`--hostname` as `next start` does (defaults: PORT or 3000, HOSTNAME or all
// interfaces).
const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
const { processes, acceptsPerTurn } = serverProcessesConfig(); // a malformed setting stops here, before anything starts

superviseAppProcesses({
  script: path.join(import.meta.dirname, 'app-process.ts'),
  port,
  hostname,
  processes,
  acceptsPerTurn,
  log: (line) => console.log(line),
  onListening: () => console.log(`▲ 电子保函服务平台 ready on http://${hostname ?? 'localhost'}:${port}（${processes} 个应用进程）`),
});
