import { getRuleSetCatalog, type RuleSetFacts, type RuleSetKey } from './catalog/rule-set-catalogs';
import { describeJsonType, hasOwn, isPlainObject } from './json-shape';
import { RuleFactsInvalidError, type FactIssue } from './rule-errors';

/**
 * Checks the facts for one decision against the catalog and returns a copy holding exactly the catalog's
 * facts, or throws RuleFactsInvalidError listing every problem. The TypeScript type already describes
 * the facts; this runtime check is for values that come from the database or a replayed decision log.
 */
export function validateFacts<K extends RuleSetKey>(ruleSetKey: K, facts: unknown): RuleSetFacts[K] {
  const catalog = getRuleSetCatalog(ruleSetKey);
  if (!isPlainObject(facts)) {
    throw new RuleFactsInvalidError(catalog.label, [
      { code: 'FACTS_NOT_AN_OBJECT', fact: '$', message: `判定依据必须是对象，实际为${describeJsonType(facts)}` },
    ]);
  }
  const issues: FactIssue[] = [];
  const clean: Record<string, boolean | string> = {};
  for (const fact of catalog.facts) {
    if (!hasOwn(facts, fact.name) || facts[fact.name] === undefined) {
      issues.push({ code: 'FACT_MISSING', fact: fact.name, message: `缺少【${fact.label}】（${fact.name}）` });
      continue;
    }
    const value = facts[fact.name];
    if (fact.type === 'boolean') {
      if (typeof value === 'boolean') clean[fact.name] = value;
      else issues.push({ code: 'FACT_WRONG_TYPE', fact: fact.name, message: `【${fact.label}】必须是 true 或 false，实际为${describeJsonType(value)}` });
    } else if (typeof value !== 'string') {
      issues.push({ code: 'FACT_WRONG_TYPE', fact: fact.name, message: `【${fact.label}】必须是字符串，实际为${describeJsonType(value)}` });
    } else if (!fact.values.some((v) => v.value === value)) {
      const options = fact.values.map((v) => `${v.value}（${v.label}）`).join('、');
      issues.push({ code: 'FACT_VALUE_NOT_ALLOWED', fact: fact.name, message: `【${fact.label}】没有取值 ${JSON.stringify(value)}，可选：${options}` });
    } else {
      clean[fact.name] = value;
    }
  }
  for (const name of Object.keys(facts)) {
    // An unknown fact usually means the caller and the catalog disagree on a name; refusing it finds
    // the mismatch at once instead of a rule silently never seeing the value it was meant to test.
    if (!catalog.facts.some((f) => f.name === name)) {
      issues.push({ code: 'FACT_UNKNOWN', fact: name, message: `${catalog.label}没有事实 "${name}"` });
    }
  }
  if (issues.length > 0) throw new RuleFactsInvalidError(catalog.label, issues);
  // Every catalog fact was checked above to have a value of its declared type.
  return clean as RuleSetFacts[K];
}
