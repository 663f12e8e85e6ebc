import fs from 'node:fs';
import { listenUnderSupervisor } from '../app-process-listeners';
import { appProcessSettings } from '../supervised-process';

// An app process for app-supervisor.test.ts, answering:
//   GET /whoami            {pid, index}
//   GET /slow?ms=N         after N ms (a request in flight when the stop comes)
//   GET /exit?code=N       answers, then the process exits with N (a crash)
//   GET /block?queued=N    answers, then blocks its event loop until N connections wait in the kernel's
//                          accept queue (at most 10 s), and counts the connections it accepts in the first
//                          turn after (GET /accepted-after-block reads the count)
// ECHO_FAIL_BEFORE_READY=1 makes it exit with 7 before it asks for the socket (a configuration error).
const settings = appProcessSettings()!;
if (process.env.ECHO_FAIL_BEFORE_READY === '1') process.exit(7);

let counting = false;
let accepted = 0;
let acceptedAfterBlock: number | null = null;

/** Connections waiting in the accept queue of the socket listening on the port: a LISTEN row's rx_queue in /proc/net/tcp. */
function queuedConnections(): number {
  const hexPort = settings.port.toString(16).toUpperCase().padStart(4, '0');
  const row = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A');
  return row ? parseInt(row[4]!.split(':')[1]!, 16) : 0;
}

const { servers, stop: stopServing } = await listenUnderSupervisor(settings, (request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  const number = (name: string) => Number(url.searchParams.get(name) ?? 0);
  const answer = (body: unknown) => response.setHeader('content-type', 'application/json').end(JSON.stringify(body));
  if (url.pathname === '/slow') {
    console.log('slow request started');
    setTimeout(() => answer({ pid: process.pid, waited: number('ms') }), number('ms'));
  }
  else if (url.pathname === '/exit') {
    answer({ pid: process.pid });
    setTimeout(() => process.exit(number('code')), 20);
  } else if (url.pathname === '/block') {
    answer({ pid: process.pid });
    setImmediate(() => {
      const until = Date.now() + 10_000;
      while (queuedConnections() < number('queued') && Date.now() < until) {
        // the connections the client opens meanwhile wait in the kernel's accept queue
      }
      counting = true;
      accepted = 0;
      // Set from a check callback, so it runs in the next turn's check phase: after that turn's accepts.
      setImmediate(() => {
        counting = false;
        acceptedAfterBlock = accepted;
      });
    });
  } else if (url.pathname === '/accepted-after-block') answer({ acceptedAfterBlock });
  else answer({ pid: process.pid, index: settings.index });
});
for (const server of servers) {
  server.on('connection', () => {
    if (counting) accepted++;
  });
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void stopServing(5_000).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
