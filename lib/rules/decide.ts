import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { getRuleSetCatalog, type RuleSetFacts, type RuleSetKey, type RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import { evaluateRuleSet } from '@/rules/evaluate';
import type { EvaluatedRule } from '@/rules/evaluated-rule';
import { effectiveVersionCache } from './effective-version-cache';
import { insertRuleDecision } from './insert-rule-decision';
import { readEffectiveVersion, readGeneration, type GenerationTagged } from './read-effective-version';

export interface DecideOptions {
  /** The region whose rules apply; null asks the baseline. */
  region: string | null;
  /** What the decision is about (an order, a transfer); when given, the decision is logged. */
  subject?: { type: string; id: string };
}

export interface RuleDecision<K extends RuleSetKey> {
  outcome: RuleSetOutcomes[K];
  firedRules: string[];
  ruleResults: EvaluatedRule[];
  versionId: string;
  version: number;
  /** The decision log row, when a subject was given. */
  decisionId?: string;
}

/**
 * The one way the product asks its rules. Facts are checked against the catalog before any rule runs;
 * the region's published version (else the baseline) decides; a decision about a subject is written to
 * the decision log in the caller's transaction, so it commits together with what it caused.
 *
 * The effective version comes from the handle's cache (effective-version-cache.ts), never at the price
 * of a stale decision that counts:
 *   - a logged decision checks the cached generation in the statement that logs it, and is made again
 *     with the version read afresh if a publish came in between (no extra round trip when none did);
 *   - a decision in a transaction reads the generation as the transaction sees it (its own publish too);
 *   - a decision that neither writes nor runs in a transaction trusts the cache as notified: exact on
 *     PGlite, on PostgreSQL up to the delay of the publish's notification (measured: a median 0.05 ms).
 * Reading the generation on every decision would make that last kind strict too, but one such read costs
 * 260–440 µs here against 45–75 µs for the whole cached-engine decision (npm run bench:rules; README).
 */
export async function decide<K extends RuleSetKey>(
  db: Kysely<Database> | Transaction<Database>,
  ruleSetKey: K,
  facts: RuleSetFacts[K],
  options: DecideOptions,
): Promise<RuleDecision<K>> {
  const cache = effectiveVersionCache(db);
  const region = options.region;
  // The decision's time: the version in force then decides (a scheduled one from its 生效时间 on).
  const at = now();
  const readAndStore = async () => {
    const read = await readEffectiveVersion(db, ruleSetKey, region, at);
    cache.store(ruleSetKey, region, read);
    return read;
  };

  let tagged: GenerationTagged | undefined;
  let verified: boolean;
  if (options.subject) {
    tagged = cache.candidate(ruleSetKey, region, at);
    verified = false; // by the insert below
  } else if (db.isTransaction) {
    tagged = cache.candidate(ruleSetKey, region, at);
    if (tagged && (await readGeneration(db)) !== tagged.generation) tagged = undefined;
    verified = true;
  } else {
    tagged = cache.fresh(ruleSetKey, region, at);
    verified = true;
  }
  if (!tagged) {
    tagged = await readAndStore();
    verified = true;
  }

  let made = await evaluate(ruleSetKey, facts, tagged);
  const subject = options.subject;
  if (subject) {
    const log = ({ result, checkedFacts }: typeof made, atGeneration: number | null) =>
      insertRuleDecision(
        db,
        {
          ruleSetKey,
          regionId: region,
          versionId: result.versionId,
          subject,
          facts: checkedFacts,
          outcome: result.outcome,
          firedRules: result.firedRules,
          ruleResults: result.ruleResults,
          decidedAt: at,
        },
        atGeneration,
      );
    let decisionId = await log(made, verified ? null : tagged.generation);
    if (decisionId === null) {
      // A publish came in since the version was cached. A version just read is as current as the one
      // read a statement before the insert always was, so the second insert is not checked again.
      made = await evaluate(ruleSetKey, facts, await readAndStore());
      decisionId = (await log(made, null))!;
    }
    made.result.decisionId = decisionId;
  }
  return made.result;
}

async function evaluate<K extends RuleSetKey>(ruleSetKey: K, facts: RuleSetFacts[K], tagged: GenerationTagged) {
  const version = tagged.version;
  if (!version) throw new Error(`no published version of ${getRuleSetCatalog(ruleSetKey).label} (${ruleSetKey})`);
  const decision = await evaluateRuleSet({ ruleSetKey, versionId: version.id, document: version.document, facts });
  const result: RuleDecision<K> = {
    outcome: decision.outcome,
    firedRules: decision.firedRuleNames,
    ruleResults: decision.ruleResults,
    versionId: version.id,
    version: version.version,
  };
  return { result, checkedFacts: decision.facts };
}
