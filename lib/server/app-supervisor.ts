import { fork, type ChildProcess, type SendHandle } from 'node:child_process';
import { APP_PROCESS_ENV, encodeAppProcessSettings, isSupervisorMessage, type ToAppProcess, type ToSupervisor } from './supervised-process';

// Why `npm start` is a supervisor with app processes under it, rather than one process listening:
// since libuv 1.45 (Node 20 ships 1.46) a listening socket accepts ONE connection per turn of the event
// loop (libuv#3696). Under a deadline rush the turn is busy answering the connections already open, so
// fifty banks connecting at once were let in one per turn, the last after 250 ms to over a second. A
// process that watches k copies of the same listening socket (file descriptors of one socket) accepts up
// to k per turn. Node cannot copy a descriptor within a process, but it copies one whenever a handle is
// sent to another process: so the first app process binds the socket and sends its handle here, and the
// supervisor sends it back k - 1 times (and k times to every further process). The supervisor keeps its
// own copy without ever accepting on it (a raw handle nobody listens with), which also keeps the port
// open while a crashed app process is replaced: connections wait in the backlog, none is refused.

export interface SupervisorSettings {
  /** The app process's entry (run with this process's execArgv, so tsx carries over). */
  script: string;
  port: number;
  hostname: string | undefined;
  /** How many app processes share the port (WEB_CONCURRENCY). */
  processes: number;
  /** Copies of the listening socket each app process watches (ACCEPTS_PER_TURN). */
  acceptsPerTurn: number;
  /** Called once, when the first app process accepts connections. */
  onListening: () => void;
  /** Where the supervisor's own lines go (the server's log). */
  log: (line: string) => void;
  /** How long app processes may take to answer what they hold when asked to stop (default 15 s). */
  stopGraceMs?: number;
  /** How long after a death its replacement starts (default 1 s). */
  restartDelayMs?: number;
}

/** App processes dying this many times within CRASH_WINDOW_MS means something is wrong for good. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

type RawHandle = SendHandle & { close(): void };

/**
 * Runs `settings.processes` app processes and keeps them running: the first binds the port, the others
 * start once it listens (so only one migrates a new database); one that dies after the service is up is
 * replaced (the MAX_CRASHES-th death within a minute stops everything with exit code 1; a process that
 * stopped cleanly by itself, exit code 0 after a signal of its own, is replaced without counting). The
 * first process dying before it listens stops everything with its exit code: a configuration error, not a
 * crash. SIGTERM or SIGINT stops every app process gracefully, then this process; a second one kills them.
 */
export function superviseAppProcesses(settings: SupervisorSettings): void {
  const { log } = settings;
  const running = new Map<number, ChildProcess>();
  const crashes: number[] = [];
  let socket: RawHandle | undefined;
  let up = false;
  let stopping = false;

  const restartDelayMs = settings.restartDelayMs ?? 1_000;
  const sendCopies = (child: ChildProcess, count: number) => {
    for (let i = 0; i < count; i++) child.send({ kind: 'listener' } satisfies ToAppProcess, socket!);
  };

  const start = (index: number) => {
    const child = fork(settings.script, [], {
      env: {
        ...process.env,
        [APP_PROCESS_ENV]: encodeAppProcessSettings({ index, port: settings.port, hostname: settings.hostname, acceptsPerTurn: settings.acceptsPerTurn }),
      },
    });
    running.set(index, child);
    child.on('error', (error) => {
      log(`应用进程 ${index} 出错：${error.message}`);
      // Not started at all (no pid: fork failed, out of processes or memory): no exit will follow.
      if (child.pid === undefined) ended(index, child, 1, null);
    });
    child.on('message', (message: unknown, handle: unknown) => {
      if (!isSupervisorMessage<ToSupervisor>(message) || stopping) return;
      if (message.kind === 'ready') {
        if (socket) sendCopies(child, settings.acceptsPerTurn);
        else child.send({ kind: 'bind' } satisfies ToAppProcess);
      } else if (message.kind === 'bound') {
        socket = handle as RawHandle;
        sendCopies(child, settings.acceptsPerTurn - 1);
      } else if (message.kind === 'listening') {
        log(`应用进程 ${index}（pid ${child.pid}）已就绪，监听 ${settings.acceptsPerTurn} 份端口副本`);
        if (up) return;
        up = true;
        settings.onListening();
        for (let next = 1; next < settings.processes; next++) start(next);
      }
    });
    child.once('exit', (code, signal) => ended(index, child, code, signal));
  };

  const ended = (index: number, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (running.get(index) !== child) return;
    running.delete(index);
    if (stopping) {
      if (running.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const how = signal ? `信号 ${signal}` : `退出码 ${code}`;
    if (!up) {
      log(`应用进程 ${index} 在开始服务前退出（${how}），停止`);
      stop(code || 1);
      return;
    }
    const restart = () =>
      setTimeout(() => {
        if (!stopping) start(index);
      }, restartDelayMs);
    // A signal meant for the whole group reaches an idle app process a moment before this one: the stop
    // that follows cancels the restart. A process stopped alone (to recycle it) is simply replaced.
    if (code === 0) {
      log(`应用进程 ${index} 已自行停止（退出码 0），${restartDelayMs / 1000} 秒后启动新的应用进程`);
      restart();
      return;
    }
    const at = Date.now();
    crashes.push(at);
    while (crashes.length > 0 && crashes[0]! < at - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length >= MAX_CRASHES) {
      log(`应用进程 ${index} 意外退出（${how}）；一分钟内已退出 ${crashes.length} 次，停止`);
      stop(1);
      return;
    }
    log(`应用进程 ${index} 意外退出（${how}），${restartDelayMs / 1000} 秒后重启；端口保持打开，新连接排队等候`);
    restart();
  };

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    socket?.close();
    if (running.size === 0) process.exit(exitCode);
    for (const child of running.values()) child.kill('SIGTERM');
    setTimeout(() => {
      for (const child of running.values()) child.kill('SIGKILL');
    }, settings.stopGraceMs ?? 15_000).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        // A second Ctrl-C: whoever sends it does not want to wait.
        log(`${signal}：再次收到，立即结束所有应用进程`);
        for (const child of running.values()) child.kill('SIGKILL');
        process.exit(1);
      }
      log(`${signal}：停止接受新请求，待处理中的请求答复后退出`);
      stop(0);
    });
  }
  start(0);
}
