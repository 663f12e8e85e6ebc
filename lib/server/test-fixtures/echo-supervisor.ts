import path from 'node:path';
import { superviseAppProcesses } from '../app-supervisor';
import { serverProcessesConfig } from '../server-processes-config';

// The supervisor of npm start over a tiny app process (echo-app-process.ts) instead of Next.js, for
// app-supervisor.test.ts: `node --import tsx echo-supervisor.ts <port>`, configured as npm start is.
const port = Number(process.argv[2]);
const { processes, acceptsPerTurn } = serverProcessesConfig();
superviseAppProcesses({
  script: path.join(import.meta.dirname, 'echo-app-process.ts'),
  port,
  hostname: '127.0.0.1',
  processes,
  acceptsPerTurn,
  stopGraceMs: 5_000,
  restartDelayMs: 100,
  log: (line) => console.log(line),
  onListening: () => console.log(`echo supervisor listening on ${port}`),
});
