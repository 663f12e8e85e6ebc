/**
 * `npm run bench:policy`: what issuing a policy costs.
 *   1. render        — renderPolicyPdf alone (pdfkit, Noto Sans CJK subset, QR code), the font face shared;
 *   2. render, fresh — the same with pdfkit's own way: the 19 MB font collection read and parsed per document
 *                      (what every policy cost before lib/policies/policy-font-face.ts);
 *   3. render thread — one document at a time through the render threads (the renderer's path);
 *   4. seal / unseal — AES-256-GCM of the rendered PDF with a section key, and the download after opening;
 *   5. payment       — a whole bank transfer that insures an order, on PGlite in memory: record, rules,
 *                      transition, policy numbered and its job written (what the bank waits for);
 *   6. document job  — the job afterwards: claimed, rendered on a thread, sealed and stored.
 * Each is run N times (BENCH_RUNS, default 20) after one warm-up; the median and the 90th percentile print.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { openDemoFixture, SEEDED_AT } from '@/testing/demo-fixture';
import { orderOnSection, payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { samplePolicyDocument } from '@/lib/policies/testing/sample-policy-document';
import { KEY_BYTES, seal, unseal } from '@/lib/policies/policy-crypto';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { renderPolicyPdf } from '@/lib/policies/render-policy-pdf';
import { closePolicyRenderPool, renderPolicyPdfOffThread } from '@/lib/policies/render-thread/render-off-thread';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { fixedClock, useClock } from '@/lib/time/clock';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function measure(label: string, run: () => Promise<unknown> | unknown) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(14)} median ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms   (${RUNS} runs)`);
}

const sample = samplePolicyDocument;

console.log(`policy issuance — ${os.cpus().length} cores, Node ${process.version}`);
const pdf = await renderPolicyPdf(sample);
const key = randomBytes(KEY_BYTES);
const sealed = seal(key, pdf, 'policy:bench');
console.log(`PDF size ${(pdf.byteLength / 1024).toFixed(1)} KB`);
await measure('render', () => renderPolicyPdf(sample));
await measure('render, fresh', () => renderPolicyPdf(sample, { shareFont: false }));
await measure('render thread', () => renderPolicyPdfOffThread(sample));
await measure('seal', () => seal(key, pdf, 'policy:bench'));
await measure('unseal', () => unseal(key, sealed, 'policy:bench'));

// Whole payments: a project with enough sections, each order paid once. The generated master key goes to
// a temporary directory, not the developer's .data.
process.env.DATA_DIR ??= os.tmpdir();
const f = await openDemoFixture('pglite');
useClock(fixedClock(SEEDED_AT));
const project = await f.db.selectFrom('projects').select('id').where('code', '=', 'WLMQ-CG-2026-0342').executeTakeFirstOrThrow();
const sections = await f.db
  .insertInto('sections')
  .values(Array.from({ length: RUNS + 1 }, (_, i) => ({ project_id: project.id, code: `BENCH-${i}`, name: `压测标段 ${i}`, deposit_fen: 5_000_000 })))
  .returning('id')
  .execute();
const open = new Set((await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 100 })).rows.map((s) => s.sectionId));
const orders: Awaited<ReturnType<typeof orderOnSection>>[] = [];
for (const section of sections) if (open.has(section.id)) orders.push(await orderOnSection(f, section.id));
let next = 0;
await measure('payment', () => payFromBasicAccount(f, orders[next++]!));
await measure('document job', async () => {
  // One paid order's job per run; the payments above left RUNS + 1 of them.
  const round = await renderDuePolicyDocuments(f.db, { limit: 1 });
  if (round.rendered !== 1) throw new Error(`expected one document rendered, got ${JSON.stringify(round)}`);
});
await closePolicyRenderPool();
await f.close();
