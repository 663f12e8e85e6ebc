import type { RuleSetCatalog } from './catalog/catalog-types';
import { findFact, getRuleSetCatalog, labelFactValue, type RuleSetKey, type RuleSetOutcomes } from './catalog/rule-set-catalogs';
import { INVOICE_TYPE_CATALOG } from './catalog/invoice-type';
import { PAYMENT_SOURCE_CATALOG } from './catalog/payment-source';
import { NO_SURRENDER_CLAUSE, SURRENDER_ELIGIBILITY_CATALOG } from './catalog/surrender-eligibility';
import { describeFactConditionSentence, describeOutcome } from './describe-conditions';
import type { EvaluatedConditionNode, EvaluatedRule } from './evaluated-rule';
import type { Decision } from './evaluate';

/** One line of a rule's explanation; `depth` is the nesting level for indentation (0 = the root group). */
export interface ExplanationLine {
  depth: number;
  text: string;
  /** undefined when json-rules-engine never evaluated the node (it short-circuits all/any). */
  held: boolean | undefined;
}

export interface RuleExplanation {
  name: string;
  fired: boolean;
  /** "✓ 已触发 第一条… → 可退保（第一条）" */
  headline: string;
  lines: ExplanationLine[];
}

export interface DecisionExplanation {
  /** One line for the bidder or operator: "不予退保：不符合任何可退保情形（第四条）". */
  summary: string;
  rules: RuleExplanation[];
  /** Summary and every rule as indented plain text, for the decision log view and support tickets. */
  text: string;
}

/**
 * Answers "为什么" for a decision from its stored parts alone, so a logged decision can be explained
 * later without running anything again. Works equally on a fresh Decision or one read from the log.
 */
export function explainDecision<K extends RuleSetKey>(
  decision: Pick<Decision<K>, 'ruleSetKey' | 'outcome' | 'ruleResults'>,
): DecisionExplanation {
  const catalog = getRuleSetCatalog(decision.ruleSetKey);
  const summary = summarizeOutcome(decision.ruleSetKey, decision.outcome);
  const rules = decision.ruleResults.map((rule) => explainRule(catalog, rule));
  const text = [
    summary,
    ...rules.flatMap((rule) => ['', rule.headline, ...rule.lines.map((line) => `${'  '.repeat(line.depth + 1)}${line.text}`)]),
  ].join('\n');
  return { summary, rules, text };
}

export function explainRule(catalog: RuleSetCatalog, rule: EvaluatedRule): RuleExplanation {
  const outcome = describeOutcome(catalog, rule.event);
  const headline = rule.fired ? `✓ 已触发：${rule.name} → ${outcome}` : `✗ 未触发：${rule.name}`;
  const lines: ExplanationLine[] = [];
  collectLines(catalog, rule.conditions, 0, lines);
  return { name: rule.name, fired: rule.fired, headline, lines };
}

function mark(held: boolean | undefined): string {
  if (held === undefined) return ' —（未判定）';
  return held ? ' ✓' : ' ✗';
}

// Recursion depth is bounded by the validator's limit on nested groups.
function collectLines(catalog: RuleSetCatalog, node: EvaluatedConditionNode, depth: number, lines: ExplanationLine[]): void {
  if ('fact' in node) {
    let text = describeFactConditionSentence(catalog, node) + mark(node.result);
    // The actual value only adds information when the condition failed; "为 否 ✓" already says it.
    const fact = findFact(catalog, node.fact);
    if (node.result === false && node.factResult !== undefined && fact) text += `（实际：${labelFactValue(fact, node.factResult)}）`;
    lines.push({ depth, text, held: node.result });
    return;
  }
  const name = node.name ? `「${node.name}」` : '';
  if ('not' in node) {
    lines.push({ depth, text: `以下条件不成立${name}${mark(node.result)}`, held: node.result });
    collectLines(catalog, node.not, depth + 1, lines);
    return;
  }
  const children = 'all' in node ? node.all : node.any;
  const heading = 'all' in node ? '同时满足以下全部条件' : '满足以下任一条件';
  lines.push({ depth, text: `${heading}${name}${mark(node.result)}`, held: node.result });
  for (const child of children) collectLines(catalog, child, depth + 1, lines);
}

type Summaries = { [K in RuleSetKey]: (outcome: RuleSetOutcomes[K]) => string };

const SUMMARIES: Summaries = {
  'surrender-eligibility': (outcome) => {
    if (!outcome.eligible) return `不予退保：${NO_SURRENDER_CLAUSE.description}（${NO_SURRENDER_CLAUSE.label}）`;
    const clause = SURRENDER_ELIGIBILITY_CATALOG.outcomes[0].params[0].values.find((v) => v.value === outcome.clause);
    const account = outcome.refundAccountRequired ? '；网银支付保费，须完善退保账户信息' : '';
    return `可退保：${clause?.description ?? ''}（${clause?.label ?? `第 ${outcome.clause} 条`}）${account}`;
  },
  'payment-source': (outcome) => {
    if (outcome.accepted) return '接受：转账符合支付来源规则';
    if ('review' in outcome) return '转人工审核：由区域管理员核对这笔转账后决定';
    const reason = PAYMENT_SOURCE_CATALOG.outcomes[2].params[0].values.find((v) => v.value === outcome.reason);
    return `拒绝：${reason?.label ?? '没有任何规则认可这笔转账'}`;
  },
  'invoice-type': (outcome) => {
    if (outcome.allowed) return '可开具：发票申请符合发票规则';
    const reason = INVOICE_TYPE_CATALOG.outcomes[1].params[0].values.find((v) => v.value === outcome.reason);
    return `不予开具：${reason?.label ?? '没有任何规则允许此发票申请'}`;
  },
};

export function summarizeOutcome<K extends RuleSetKey>(ruleSetKey: K, outcome: RuleSetOutcomes[K]): string {
  return SUMMARIES[ruleSetKey](outcome);
}
