import { createServer, type RequestListener, type Server } from 'node:http';
import type { SendHandle } from 'node:child_process';
import { isSupervisorMessage, type AppProcessSettings, type ToAppProcess, type ToSupervisor } from './supervised-process';

/** The raw socket handle under a listening server: what the supervisor keeps and copies (see app-supervisor.ts). */
function rawHandle(server: Server): SendHandle {
  return (server as unknown as { _handle: SendHandle })._handle;
}

function tell(message: ToSupervisor, handle?: SendHandle): void {
  process.send!(message, handle);
}

/** An app process's servers, one per copy of the listening socket, all answering with the same handler. */
export interface SupervisedListeners {
  servers: Server[];
  /**
   * Stops accepting on every copy and answers the requests in flight, then resolves; after `graceMs` it
   * resolves anyway. Kept-alive connections are closed as soon as they are idle, and a request that still
   * arrives on one is answered with `Connection: close`, so a client that keeps its connections busy (a
   * bank's pool, a proxy's upstream keep-alive) does not hold the stop until the cap.
   */
  stop(graceMs: number): Promise<void>;
}

/** How often a stopping process closes the kept-alive connections that have become idle. */
const IDLE_SWEEP_MS = 50;

/**
 * The app process's side of `npm start`: tells the supervisor it is ready, then serves `handler` on every
 * copy of the listening socket the supervisor hands it (the first process binds the socket itself and
 * hands it up). Resolves once all `settings.acceptsPerTurn` copies are watched.
 */
export function listenUnderSupervisor(settings: AppProcessSettings, handler: RequestListener): Promise<SupervisedListeners> {
  if (typeof process.send !== 'function') throw new Error('应用进程须由 npm start（scripts/start-server.ts）启动：它没有与监管进程的 IPC 通道');
  const servers: Server[] = [];
  let stopping = false;
  const answer: RequestListener = (request, response) => {
    if (stopping) response.setHeader('connection', 'close');
    handler(request, response);
  };
  const stop = (graceMs: number) => {
    stopping = true;
    const sweep = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), IDLE_SWEEP_MS);
    const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    const cap = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    return Promise.race([Promise.all(closed).then(() => undefined), cap]).finally(() => clearInterval(sweep));
  };
  return new Promise((resolve, reject) => {
    const serving = (server: Server) => {
      server.off('error', reject);
      // After it listens, an error is a failed accept (out of file descriptors, say): libuv goes on accepting.
      server.on('error', (error) => console.error(`应用进程 ${settings.index} 接受连接失败：${error.message}`));
      servers.push(server);
      if (servers.length < settings.acceptsPerTurn) return;
      process.off('message', onMessage);
      tell({ kind: 'listening' });
      resolve({ servers, stop });
    };
    const onMessage = (message: unknown, handle: unknown) => {
      if (!isSupervisorMessage<ToAppProcess>(message)) return;
      const server = createServer(answer);
      server.once('error', reject);
      if (message.kind === 'bind') {
        server.listen(settings.port, settings.hostname, () => {
          tell({ kind: 'bound' }, rawHandle(server));
          serving(server);
        });
      } else if (handle) {
        // A raw handle: the server adopts the socket copy as its own (net.Server#listen(handle)).
        server.listen(handle as Parameters<Server['listen']>[0], () => serving(server));
      }
    };
    process.on('message', onMessage);
    tell({ kind: 'ready' });
  });
}
