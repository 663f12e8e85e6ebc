/**
 * `npm run bench:rules`: decisions per second for the invoice and surrender rule sets, four ways:
 *   1. decide()          — the product's path: the effective version for the region, then the cached engine;
 *   2. cached engine     — evaluateRuleSet with the shared engine cache (engine built once per version);
 *   3. fresh engine      — prepareRuleSet + evaluatePreparedRuleSet on every call;
 *   4. hand-written      — the same rules as plain TypeScript, checked against (2) before timing.
 * Every variant is warmed up, then run for a fixed wall time (BENCH_SECONDS, default 1.5) with one
 * decision in flight at a time, cycling over every combination of the rule set's facts.
 * decide() is timed on in-memory PGlite and, when TEST_DATABASE_URL names a server, on PostgreSQL too (a
 * fresh database, dropped afterwards), each against the cached engine timed in the same pass; then a
 * logged decide() (with a subject: the insert that also checks the cached generation) and one read of
 * the generation alone, the price of checking it on every decision (see lib/rules/decide.ts).
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { openTestDatabase, type TestDatabaseKind } from '@/testing/test-database';
import { decide } from '@/lib/rules/decide';
import { effectiveVersionCache } from '@/lib/rules/effective-version-cache';
import { readGeneration } from '@/lib/rules/read-effective-version';
import type { InvoiceTypeFacts, InvoiceTypeOutcome } from '@/rules/catalog/invoice-type';
import { getRuleSetCatalog, type RuleSetFacts, type RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import type {
  SurrenderClause,
  SurrenderEligibilityFacts,
  SurrenderEligibilityOutcome,
} from '@/rules/catalog/surrender-eligibility';
import { loadDefaultRuleDocument } from '@/rules/defaults/default-rule-documents';
import { evaluatePreparedRuleSet, evaluateRuleSet } from '@/rules/evaluate';
import { prepareRuleSet } from '@/rules/prepared-rule-set';

type BenchKey = 'invoice-type' | 'surrender-eligibility';
const REGION = '650100';

function readSeconds(): number {
  const raw = process.env.BENCH_SECONDS;
  if (raw === undefined || raw === '') return 1.5;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_SECONDS must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

const SECONDS = readSeconds();
const WARMUP_SECONDS = Math.min(0.2, SECONDS * 0.2);
/** The clock is read once per batch so that it does not dominate the cheapest variant. */
const CLOCK_EVERY = 16;

class MismatchError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Hand-written equivalents of rules/defaults/<key>.json, normalized as rules/normalize-outcome.ts does.

/**
 * invoice-type.json: refused(before_bid_opening) when not opened; refused(electronic_special_not_supported)
 * for electronic + special; allowed when opened and (paper or ordinary). Any refusal wins, the reason
 * follows INVOICE_REFUSAL_PRECEDENCE (before_bid_opening first), nothing fired means { allowed: false }.
 */
function handInvoiceType(facts: InvoiceTypeFacts): InvoiceTypeOutcome {
  if (!facts.bidOpened) return { allowed: false, reason: 'before_bid_opening' };
  if (facts.medium === 'electronic' && facts.invoiceType === 'special') {
    return { allowed: false, reason: 'electronic_special_not_supported' };
  }
  if (facts.medium === 'paper' || facts.invoiceType === 'ordinary') return { allowed: true };
  return { allowed: false };
}

/**
 * surrender-eligibility.json: clause 1 before opening when the applicant abandons or the project is
 * suspended/paused; clause 2 before opening when failed/terminated; clause 3 after opening when failed;
 * refund account required when the project is not normal and the premium was paid by online banking.
 * The lowest clause wins; no clause means clause 4, not eligible, no refund account.
 */
function handSurrenderEligibility(facts: SurrenderEligibilityFacts): SurrenderEligibilityOutcome {
  const status = facts.projectStatus;
  let clause: SurrenderClause | undefined;
  if (!facts.bidOpened) {
    if (facts.applicantAbandons || status === 'suspended' || status === 'paused') clause = 1;
    else if (status === 'failed' || status === 'terminated') clause = 2;
  } else if (status === 'failed') {
    clause = 3;
  }
  if (clause === undefined) return { eligible: false, clause: 4, refundAccountRequired: false };
  return { eligible: true, clause, refundAccountRequired: status !== 'normal' && facts.paidByOnlineBanking };
}

const HAND_WRITTEN: { [K in BenchKey]: (facts: RuleSetFacts[K]) => RuleSetOutcomes[K] } = {
  'invoice-type': handInvoiceType,
  'surrender-eligibility': handSurrenderEligibility,
};

// ---------------------------------------------------------------------------------------------------

/** Every combination of the catalog's facts (booleans both ways, enums every value). */
function allFactCombinations<K extends BenchKey>(key: K): RuleSetFacts[K][] {
  let combos: Record<string, boolean | string>[] = [{}];
  for (const fact of getRuleSetCatalog(key).facts) {
    const values: (boolean | string)[] = fact.type === 'boolean' ? [false, true] : fact.values.map((v) => v.value);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [fact.name]: value })));
  }
  // The catalog defines both the type and these values, so each combination is a valid facts object.
  return combos as RuleSetFacts[K][];
}

interface Variant<K extends BenchKey> {
  name: string;
  /** The database the variant decides through, if any. */
  db?: Kysely<Database>;
  run(facts: RuleSetFacts[K]): Promise<RuleSetOutcomes[K]>;
}

interface Measurement {
  name: string;
  decisions: number;
  seconds: number;
  perSecond: number;
}

async function runFor<K extends BenchKey>(variant: Variant<K>, combos: RuleSetFacts[K][], seconds: number): Promise<Measurement> {
  const budgetMs = seconds * 1000;
  let decisions = 0;
  let index = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < CLOCK_EVERY; i++) {
      await variant.run(combos[index]!);
      decisions++;
      index = index + 1 === combos.length ? 0 : index + 1;
    }
    elapsed = performance.now() - start;
  }
  return { name: variant.name, decisions, seconds: elapsed / 1000, perSecond: decisions / (elapsed / 1000) };
}

const PAIR_SLICES = 6;

function combine(parts: Measurement[]): Measurement {
  const decisions = parts.reduce((n, p) => n + p.decisions, 0);
  const seconds = parts.reduce((n, p) => n + p.seconds, 0);
  return { name: parts[0]!.name, decisions, seconds, perSecond: decisions / seconds };
}

function describeFacts(facts: object): string {
  return JSON.stringify(facts);
}

/** Before any timing: every variant must give the cached engine's outcome for every combination. */
async function checkAgreement<K extends BenchKey>(key: K, variants: Variant<K>[], reference: Variant<K>, combos: RuleSetFacts[K][]) {
  for (const facts of combos) {
    const expected = await reference.run(facts);
    for (const variant of variants) {
      if (variant === reference) continue;
      const actual = await variant.run(facts);
      if (!isDeepStrictEqual(actual, expected)) {
        throw new MismatchError(
          `${key}: "${variant.name}" disagrees with "${reference.name}" for ${describeFacts(facts)}: ` +
            `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
        );
      }
    }
  }
}

function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function formatRatio(a: number, b: number): string {
  const r = a / b;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function printTable(title: string, key: BenchKey, combos: number, rows: Measurement[]) {
  const headers = ['variant', 'decisions', 'seconds', 'decisions/s'];
  const cells = rows.map((r) => [r.name, formatInt(r.decisions), r.seconds.toFixed(2), formatInt(r.perSecond)]);
  const widths = headers.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\n${title} — ${key} (${getRuleSetCatalog(key).label}), cycling over ${combos} fact combinations`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

interface Bench<K extends BenchKey> {
  key: K;
  combos: RuleSetFacts[K][];
  variants: [Variant<K>, Variant<K>, Variant<K>, Variant<K>];
}

function buildBench<K extends BenchKey>(db: Kysely<Database>, key: K): Bench<K> {
  const document = loadDefaultRuleDocument(key);
  const versionId = `bench:${key}`;
  const hand = HAND_WRITTEN[key];
  return {
    key,
    combos: allFactCombinations(key),
    variants: [
      {
        name: 'decide()',
        db,
        run: async (facts) => (await decide(db, key, facts, { region: REGION })).outcome,
      },
      {
        name: 'evaluateRuleSet — cached engine',
        run: async (facts) => (await evaluateRuleSet({ ruleSetKey: key, versionId, document, facts })).outcome,
      },
      {
        name: 'fresh engine per call',
        run: async (facts) => (await evaluatePreparedRuleSet(prepareRuleSet(key, document), facts)).outcome,
      },
      {
        name: 'hand-written TypeScript',
        // Awaited through the same async call as the others, so the loop overhead is the same.
        run: async (facts) => hand(facts),
      },
    ],
  };
}

interface Summary {
  target: string;
  key: BenchKey;
  decide: number;
  cached: number;
  /** decide() with a subject: checked against the generation in the statement that logs it. */
  logged: number;
  /** One read of the generation: what checking it on every unlogged decision would add. */
  generationRead: number;
}

/** The engine-only variants do not touch the database, so they are timed once, on the first target. */
async function timeBench<K extends BenchKey>(title: string, { key, combos, variants }: Bench<K>, all: boolean): Promise<Summary> {
  // decide() and the cached engine are timed in alternating slices, so that load from elsewhere on a
  // shared machine falls on both alike and their ratio stays meaningful.
  const [decideVariant, cachedVariant] = variants;
  for (const variant of [decideVariant, cachedVariant]) await runFor(variant, combos, WARMUP_SECONDS);
  const slices: [Measurement[], Measurement[]] = [[], []];
  for (let i = 0; i < PAIR_SLICES; i++) {
    slices[0].push(await runFor(decideVariant, combos, SECONDS / PAIR_SLICES));
    slices[1].push(await runFor(cachedVariant, combos, SECONDS / PAIR_SLICES));
  }
  const rows: Measurement[] = slices.map(combine);
  for (const variant of all ? variants.slice(2) : []) {
    await runFor(variant, combos, WARMUP_SECONDS);
    rows.push(await runFor(variant, combos, SECONDS));
  }
  printTable(title, key, combos.length, rows);

  const [d, c, f, h] = rows as [Measurement, Measurement, Measurement | undefined, Measurement | undefined];
  if (h && f) {
    console.log(`  hand-written ÷ cached engine : ${formatRatio(h.perSecond, c.perSecond)}`);
    console.log(`  cached engine ÷ fresh engine : ${formatRatio(c.perSecond, f.perSecond)}`);
  }
  console.log(`  cached engine ÷ decide()     : ${formatRatio(c.perSecond, d.perSecond)}  (what decide() adds: finding the effective version)`);

  const db = variants[0].db!;
  const extras: Variant<K>[] = [
    { name: 'decide() with a subject (logged)', run: async (facts) => (await decide(db, key, facts, { region: REGION, subject: { type: 'bench', id: key } })).outcome },
    { name: 'generation read alone (one row by key)', run: async (facts) => (await readGeneration(db), HAND_WRITTEN[key](facts)) },
  ];
  const extraRows: Measurement[] = [];
  for (const variant of extras) {
    await runFor(variant, combos, WARMUP_SECONDS);
    extraRows.push(await runFor(variant, combos, SECONDS));
  }
  for (const r of extraRows) console.log(`  ${r.name.padEnd(34)}: ${formatInt(r.perSecond)}/s, ${(1e6 / r.perSecond).toFixed(1)} µs each`);
  return { target: title, key, decide: d.perSecond, cached: c.perSecond, logged: extraRows[0]!.perSecond, generationRead: extraRows[1]!.perSecond };
}

const TARGETS: { kind: TestDatabaseKind; title: string }[] = [
  { kind: 'pglite', title: 'PGlite (in memory)' },
  ...(process.env.TEST_DATABASE_URL ? [{ kind: 'postgres' as const, title: 'PostgreSQL (TEST_DATABASE_URL)' }] : []),
];

async function benchTarget(kind: TestDatabaseKind, title: string, first: boolean): Promise<Summary[]> {
  const setupStart = performance.now();
  const database = await openTestDatabase(kind);
  const { db } = database;
  try {
    await db.insertInto('regions').values({ id: REGION, name: '乌鲁木齐市' }).execute();
    // The cache trusts nothing until its LISTEN session is in force; timing before that would time reads.
    await decide(db, 'invoice-type', { bidOpened: true, medium: 'paper', invoiceType: 'ordinary' }, { region: REGION });
    for (let i = 0; i < 100 && effectiveVersionCache(db).knownGeneration === null; i++) await new Promise((r) => setTimeout(r, 20));
    const listening = effectiveVersionCache(db).knownGeneration !== null;
    console.log(`\n${title}: database setup ${((performance.now() - setupStart) / 1000).toFixed(2)} s (not timed); cache ${listening ? 'listening' : 'NOT listening (every decision reads)'}`);
    const invoice = buildBench(db, 'invoice-type');
    const surrender = buildBench(db, 'surrender-eligibility');
    // All four variants must agree on every combination of both rule sets before anything is timed.
    await checkAgreement(invoice.key, invoice.variants, invoice.variants[1], invoice.combos);
    await checkAgreement(surrender.key, surrender.variants, surrender.variants[1], surrender.combos);
    console.log(`all four variants agree on all ${invoice.combos.length} + ${surrender.combos.length} fact combinations`);
    return [await timeBench(title, invoice, first), await timeBench(title, surrender, first)];
  } finally {
    await database.close();
  }
}

async function main() {
  console.log('Rule engine benchmark — decisions per second, one decision in flight at a time');
  console.log(`node ${process.version} on ${os.platform()}/${os.arch()}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} CPUs)`);
  console.log(`${SECONDS} s per variant after ${WARMUP_SECONDS.toFixed(2)} s warm-up (BENCH_SECONDS to change); decide() for region ${REGION}`);
  console.log(`databases: ${TARGETS.map((t) => t.title).join(', ')}${process.env.TEST_DATABASE_URL ? '' : ' (set TEST_DATABASE_URL to add PostgreSQL)'}`);
  console.log('Figures are from this machine and this run; compare the ratios, not the absolute numbers, across machines.');

  const summaries: Summary[] = [];
  for (const [i, target] of TARGETS.entries()) summaries.push(...(await benchTarget(target.kind, target.title, i === 0)));

  console.log('\nsummary: time per decision; decide() ÷ cached engine (goal ≤ 1.5×)');
  const us = (perSecond: number) => `${(1e6 / perSecond).toFixed(1)} µs`.padStart(9);
  for (const s of summaries) {
    console.log(
      `  ${s.target.padEnd(31)} ${s.key.padEnd(22)} decide ${us(s.decide)}  cached ${us(s.cached)}  ${formatRatio(s.cached, s.decide).padStart(6)}` +
        `   | logged decide ${us(s.logged)}  generation read ${us(s.generationRead)}`,
    );
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof MismatchError) {
    console.error(`\nMISMATCH — the variants do not give the same outcome, so their timings would not be comparable:\n${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
