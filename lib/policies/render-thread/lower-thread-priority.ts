import fs from 'node:fs';
import os from 'node:os';

/**
 * A render thread runs at a lower scheduling priority than the thread that answers requests
 * (POLICY_RENDER_NICE, a Unix nice value: default 19, the lowest; 0 leaves it as is). In a deadline
 * rush on a small machine a render (about 25 ms of CPU) would otherwise take the core an
 * acknowledgement needs; at the lowest priority documents wait while answers are due and catch up as
 * soon as the rush eases. Linux gives each thread its own nice value, addressed by its thread id; where
 * that is not so (no /proc/thread-self) the thread keeps the process's priority.
 */
export function lowerRenderThreadPriority(env: Record<string, string | undefined> = process.env): number | null {
  const nice = renderThreadNice(env);
  if (nice === 0) return null;
  let threadId: number;
  try {
    threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return null;
  os.setPriority(threadId, nice);
  return os.getPriority(threadId);
}

export function renderThreadNice(env: Record<string, string | undefined>): number {
  const raw = env.POLICY_RENDER_NICE?.trim();
  if (!raw) return 19;
  const nice = Number(raw);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new Error(`POLICY_RENDER_NICE 应为 0 到 19 的整数，实际为 ${JSON.stringify(raw)}`);
  return nice;
}
