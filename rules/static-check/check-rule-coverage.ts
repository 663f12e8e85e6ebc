import type { FactDefinition, RuleSetCatalog } from '../catalog/catalog-types';
import { labelFactValue } from '../catalog/rule-set-catalogs';
import { displayRuleName } from '../evaluated-rule';
import { groupChildren, groupKind, isFactCondition, type ConditionNode, type DocumentRule, type FactValue } from '../rule-document-types';

/**
 * 静态检查: runs a rule document over every combination of its catalog's facts and reports the cases
 * where no decision fires (遗漏) and where contradicting decisions fire together (冲突). Pure and
 * synchronous, so the editor can run it on every keystroke without the engine.
 */

export interface FactAssignment {
  fact: string;
  value: boolean | string;
}

export interface CoverageFinding {
  kind: 'gap' | 'overlap';
  /** The fact values of this combination, in catalog order; a fact left out means "any value" (after merging). */
  combination: FactAssignment[];
  /** Chinese, e.g. "已开标：是；发票介质：电子发票；发票类型：增值税专用发票" */
  description: string;
  /** For an overlap: the conflicting outcomes that fire together, with the names of the rules that fire them. */
  outcomes?: { type: string; label: string; rules: string[] }[];
}

export interface CoverageReport {
  /** Size of the fact space examined. */
  combinations: number;
  gaps: CoverageFinding[];
  overlaps: CoverageFinding[];
  /** What happens when nothing fires, in Chinese, from the catalog. */
  fallback: string;
  /** True if the space was too big and only the first MAX_COMBINATIONS were examined. */
  truncated: boolean;
}

/** Far above today's largest space (payment-source, 64), low enough to stay instant in the browser. */
export const MAX_COMBINATIONS = 4096;

export type FactCombination = Readonly<Record<string, FactValue>>;

/** Every value a fact can take. A future numeric fact would need splitting at the rules' thresholds here. */
export function factDomain(fact: FactDefinition): FactValue[] {
  switch (fact.type) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return fact.values.map((v) => v.value);
  }
}

/** The fact space in catalog order, last fact varying fastest, cut at `limit` combinations. */
export function enumerateFactSpace(catalog: RuleSetCatalog, limit = MAX_COMBINATIONS): { combinations: FactCombination[]; truncated: boolean } {
  const domains = catalog.facts.map(factDomain);
  const total = domains.reduce((n, d) => n * d.length, 1);
  const count = Math.min(total, limit);
  const combinations: FactCombination[] = [];
  for (let i = 0; i < count; i++) combinations.push(Object.fromEntries(decode(i, domains).map((v, f) => [catalog.facts[f]!.name, domains[f]![v]!])));
  return { combinations, truncated: total > count };
}

function decode(index: number, domains: readonly FactValue[][]): number[] {
  const cells = new Array<number>(domains.length);
  for (let f = domains.length - 1; f >= 0; f--) {
    const size = domains[f]!.length;
    cells[f] = index % size;
    index = Math.floor(index / size);
  }
  return cells;
}

/**
 * Whether a condition tree holds for complete facts, with json-rules-engine's semantics for the operators
 * a validated document may use (its default operators are `===`, `!==` and `indexOf` on the list; an empty
 * group counts as true there, although the validator refuses one).
 */
export function evaluateConditions(node: ConditionNode, facts: Readonly<Record<string, unknown>>): boolean {
  if (isFactCondition(node)) {
    const actual = facts[node.fact];
    const expected = node.value;
    // The validator guarantees a list for in/notIn and a single value for equal/notEqual.
    const list: readonly unknown[] = Array.isArray(expected) ? expected : [expected];
    switch (node.operator) {
      case 'equal':
        return actual === expected;
      case 'notEqual':
        return actual !== expected;
      case 'in':
        return list.indexOf(actual) > -1;
      case 'notIn':
        return list.indexOf(actual) === -1;
    }
  }
  const children = groupChildren(node);
  switch (groupKind(node)) {
    case 'all':
      return children.every((child) => evaluateConditions(child, facts));
    case 'any':
      return children.length === 0 || children.some((child) => evaluateConditions(child, facts));
    case 'not':
      return !evaluateConditions(children[0]!, facts);
  }
}

type Outcomes = NonNullable<CoverageFinding['outcomes']>;

/** A cube of the fact space: a value index per fact, null for "any value". */
interface Cube {
  cells: (number | null)[];
  kind: CoverageFinding['kind'];
  outcomes: Outcomes;
  /** Identifies the finding; only cubes with equal keys merge. */
  key: string;
}

export function checkRuleCoverage(catalog: RuleSetCatalog, rules: readonly DocumentRule[]): CoverageReport {
  const domains = catalog.facts.map(factDomain);
  const { combinations, truncated } = enumerateFactSpace(catalog);
  const decisions = catalog.outcomes.filter((o) => (o.role ?? 'decision') === 'decision');

  const findings: Cube[] = [];
  combinations.forEach((facts, index) => {
    const fired = rules.flatMap((rule, i) => (evaluateConditions(rule.conditions, facts) ? [{ rule, name: displayRuleName(rule, i) }] : []));
    // Catalog order keeps the key independent of document order; rules with different params but one
    // type are one outcome, since precedence in normalize-outcome settles them.
    const outcomes = decisions.flatMap((o) => {
      const names = fired.filter((f) => f.rule.event.type === o.type).map((f) => f.name);
      return names.length > 0 ? [{ type: o.type, label: o.label, rules: names }] : [];
    });
    if (outcomes.length === 1) return;
    const kind = outcomes.length === 0 ? 'gap' : 'overlap';
    // The rule names are part of the key, so every rule listed for a merged overlap fires in all of its cases.
    findings.push({ cells: decode(index, domains), kind, outcomes, key: `${kind}:${JSON.stringify(outcomes)}` });
  });

  const merged = merge(findings, domains).map((cube) => toFinding(catalog, domains, cube));
  return {
    combinations: combinations.length,
    gaps: merged.filter((f) => f.kind === 'gap'),
    overlaps: merged.filter((f) => f.kind === 'overlap'),
    fallback: catalog.fallbackWhenNothingFires,
    truncated,
  };
}

/**
 * Drops a fact wherever all its values share one finding and the other facts agree, repeatedly, trying
 * the last fact first so that the leading (usually weightier) facts stay in the description. Unlike a
 * full Quine–McCluskey cover the cubes stay disjoint, so each case is counted in exactly one finding.
 */
function merge(cubes: Cube[], domains: readonly FactValue[][]): Cube[] {
  let current = cubes;
  for (let changed = true; changed; ) {
    changed = false;
    for (let f = domains.length - 1; f >= 0; f--) {
      const groups = new Map<string, Cube[]>();
      const next: Cube[] = [];
      for (const cube of current) {
        if (cube.cells[f] === null) {
          next.push(cube);
          continue;
        }
        const id = `${cube.key}|${cube.cells.map((c, i) => (i === f ? '*' : String(c))).join(',')}`;
        groups.set(id, [...(groups.get(id) ?? []), cube]);
      }
      for (const group of groups.values()) {
        // Disjoint cubes with equal other cells differ in f, so a full group holds every value of f.
        if (group.length === domains[f]!.length) {
          next.push({ ...group[0]!, cells: group[0]!.cells.map((c, i) => (i === f ? null : c)) });
          changed = true;
        } else next.push(...group);
      }
      current = next;
    }
  }
  // Report in fact-space order, as an operator would walk the cases.
  const order = (cube: Cube) => cube.cells.map((c) => c ?? 0);
  return current.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    const i = x.findIndex((v, k) => v !== y[k]);
    return i < 0 ? 0 : x[i]! - y[i]!;
  });
}

function toFinding(catalog: RuleSetCatalog, domains: readonly FactValue[][], cube: Cube): CoverageFinding {
  const kept = cube.cells.flatMap((c, f) => (c === null ? [] : [{ fact: catalog.facts[f]!, value: domains[f]![c]! }]));
  return {
    kind: cube.kind,
    combination: kept.map(({ fact, value }) => ({ fact: fact.name, value })),
    description: kept.map(({ fact, value }) => `${fact.label}：${labelFactValue(fact, value)}`).join('；') || '任何情形',
    ...(cube.kind === 'overlap' ? { outcomes: cube.outcomes } : {}),
  };
}

/** One line for an alert: "未发现遗漏或冲突" or "发现 N 处遗漏、M 处冲突". */
export function summarizeCoverage(report: CoverageReport): string {
  const text =
    report.gaps.length === 0 && report.overlaps.length === 0
      ? '未发现遗漏或冲突'
      : `发现 ${report.gaps.length} 处遗漏、${report.overlaps.length} 处冲突`;
  return report.truncated ? `${text}（事实组合过多，仅检查了前 ${report.combinations} 种）` : text;
}
