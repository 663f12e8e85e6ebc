import os from 'node:os';
import path from 'node:path';
import { SHARE_ENV } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PolicyDocument } from '../policy-document';
import { renderPolicyPdf } from '../render-policy-pdf';

/**
 * Policies are rendered on worker threads, never on the web process's event loop: a render is about
 * 25 ms of CPU, and a deadline rush of them inline kept every other request waiting (issue #15).
 * POLICY_RENDER_THREADS sets how many (default: one less than the cores, at least 1, at most 4);
 * 0 renders on the calling thread, for a machine where worker threads cannot start.
 */
export function policyRenderThreads(env: Record<string, string | undefined> = process.env): number {
  const raw = env.POLICY_RENDER_THREADS?.trim();
  if (raw) {
    const configured = Number(raw);
    if (!Number.isInteger(configured) || configured < 0 || configured > 64) {
      throw new Error(`POLICY_RENDER_THREADS 应为 0 到 64 的整数，实际为 ${JSON.stringify(raw)}`);
    }
    return configured;
  }
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

const KEY = Symbol.for('bid-guarantee.policy-render-pool');
const holder = globalThis as { [KEY]?: Piscina<PolicyDocument, Uint8Array> };

function pool(threads: number): Piscina<PolicyDocument, Uint8Array> {
  // On globalThis: a bundler may load this module more than once in a server process, one pool serves all.
  holder[KEY] ??= new Piscina<PolicyDocument, Uint8Array>({
    // A file on disk read at run time (the app runs from its own folder), not a module to bundle.
    filename: path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/policies/render-thread/policy-render-worker.mjs'),
    minThreads: threads,
    maxThreads: threads,
    // Idle threads stay (the font they parsed is the point), but never keep a finished process alive.
    idleTimeout: 60_000,
    // The threads read POLICY_FONT_PATH and POLICY_FONT_FAMILY as the process has them now.
    env: SHARE_ENV,
  });
  return holder[KEY];
}

/** Starts the render threads now (a server starting), rather than when the first policy is issued. */
export function startPolicyRenderThreads(): void {
  const threads = policyRenderThreads();
  if (threads > 0) pool(threads);
}

/** The PDF of a policy, rendered on a render thread (or here when POLICY_RENDER_THREADS=0). */
export async function renderPolicyPdfOffThread(document: PolicyDocument): Promise<Uint8Array> {
  const threads = policyRenderThreads();
  if (threads === 0) return renderPolicyPdf(document);
  return pool(threads).run(document);
}

/** Stops the render threads (tests, benchmarks and a server shutting down). */
export async function closePolicyRenderPool(): Promise<void> {
  const existing = holder[KEY];
  holder[KEY] = undefined;
  await existing?.close({ force: true });
}
