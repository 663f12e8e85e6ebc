import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { startBackgroundLoop, type BackgroundLoop } from '@/lib/jobs/background-loop';
import { yieldToForeground } from '@/lib/jobs/foreground-work';
import { policyRenderThreads } from '../render-thread/render-off-thread';
import { DEFAULT_LEASE_MS, renderDuePolicyDocuments } from './render-due-policy-documents';

/** How often an idle renderer looks for jobs another instance issued, or whose retry time has come. */
const IDLE_POLL_MS = 1_000;
/** A nudge waits this long, so that the transaction that issued the policy has committed by then. */
const NUDGE_DELAY_MS = 20;

const KEY = Symbol.for('bid-guarantee.policy-document-renderer');
const PAUSED = Symbol.for('bid-guarantee.policy-document-renderer.paused');
const holder = globalThis as { [KEY]?: BackgroundLoop; [PAUSED]?: boolean };

function leaseMs(): number {
  const seconds = Number(process.env.POLICY_DOCUMENT_LEASE_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_LEASE_MS;
}

/**
 * The loop in each app process that renders policy documents: it works through the due jobs as long as
 * there are any, then waits for a nudge (a policy issued here) or the idle poll (issued elsewhere, or a
 * retry due). Every instance may run one; the job leases keep them from rendering the same policy.
 */
export function startPolicyDocumentRenderer(getDb: () => Promise<Kysely<Database>>): void {
  if (holder[KEY]) return;
  const limit = Math.max(1, policyRenderThreads()) * 4;
  holder[KEY] = startBackgroundLoop(
    async () => {
      // Documents are the least urgent work of a rush: they wait while banks wait (lib/jobs/foreground-work.ts).
      await yieldToForeground();
      if (holder[PAUSED]) return false;
      return (await renderDuePolicyDocuments(await getDb(), { limit, leaseMs: leaseMs() })).claimed > 0;
    },
    { idlePollMs: IDLE_POLL_MS, nudgeDelayMs: NUDGE_DELAY_MS, failureMessage: '保单生成任务轮询失败，稍后重试' },
  );
}

/** Browser tests only (test-renderer-control.ts): hold rendering back, so 保单生成中 can be seen. */
export function pausePolicyDocumentRenderer(paused: boolean): void {
  holder[PAUSED] = paused;
  if (!paused) holder[KEY]?.nudge();
}

/** A policy was just issued in this process: render it soon rather than at the next idle poll. */
export function nudgePolicyDocumentRenderer(): void {
  holder[KEY]?.nudge();
}

export async function stopPolicyDocumentRenderer(): Promise<void> {
  const renderer = holder[KEY];
  holder[KEY] = undefined;
  await renderer?.stop();
}
