import { getRuleSetCatalog, type RuleSetKey } from './catalog/rule-set-catalogs';
import { prepareRuleSet, type PreparedRuleSet } from './prepared-rule-set';
import { RuleDocumentInvalidError } from './rule-errors';
import { validateRuleDocument } from './validate-rule-document';

export interface RuleEngineCacheOptions {
  /** Versions kept; each is a few kilobytes of rules plus their engine. */
  maxEntries?: number;
}

/**
 * Prepared rule sets keyed by rule set and version id, so each published version is validated and built
 * once per process. The contract with callers: a version id names one immutable document (published
 * versions are never edited). The document passed on a cache hit is not looked at again; drafts, which
 * do change, should be run with `prepareRuleSet` directly rather than through this cache.
 */
export class RuleEngineCache {
  private readonly entries = new Map<string, PreparedRuleSet>();
  private readonly maxEntries: number;

  constructor(options: RuleEngineCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 64;
  }

  /** Throws RuleDocumentInvalidError when the document does not validate; failures are not cached. */
  get<K extends RuleSetKey>(ruleSetKey: K, versionId: string, document: unknown): PreparedRuleSet<K> {
    const key = `${ruleSetKey}\u0000${versionId}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-inserting moves the entry to the end, so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      // The key embeds the rule set, so the entry was prepared for K.
      return hit as PreparedRuleSet<K>;
    }
    const validation =
      typeof document === 'string'
        ? validateRuleDocument({ ruleSetKey, text: document })
        : validateRuleDocument({ ruleSetKey, value: document });
    if (!validation.ok) throw new RuleDocumentInvalidError(getRuleSetCatalog(ruleSetKey).label, validation.errors);
    const prepared = prepareRuleSet(ruleSetKey, validation.rules);
    this.entries.set(key, prepared);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return prepared;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The process-wide cache used by `evaluateRuleSet` unless the caller supplies its own. */
export const sharedRuleEngineCache = new RuleEngineCache();
