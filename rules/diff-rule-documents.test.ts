import { describe, expect, it } from 'vitest';
import { diffRuleDocuments, formatRuleDocument } from './diff-rule-documents';

const rule = (value: boolean, name = '开标前不予开具发票') => ({
  name,
  conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value }] },
  event: { type: 'refused', params: { reason: 'before_bid_opening' } },
});

describe('rule document diff', () => {
  it('finds nothing between equal documents, whatever order the database kept their keys in', () => {
    const a = [rule(false)];
    const b = [{ event: a[0]!.event, conditions: { all: [{ value: false, operator: 'equal', fact: 'bidOpened' }] }, name: a[0]!.name }];
    expect(diffRuleDocuments(a, b).changes).toBe(0);
  });

  it('prints a rule in reading order: name, conditions, event; fact, operator, value', () => {
    const text = formatRuleDocument([{ event: { type: 'allowed' }, conditions: { all: [{ value: true, operator: 'equal', fact: 'bidOpened' }] }, name: 'n' }]);
    expect(text.indexOf('"name"')).toBeLessThan(text.indexOf('"conditions"'));
    expect(text.indexOf('"conditions"')).toBeLessThan(text.indexOf('"event"'));
    expect(text.indexOf('"fact"')).toBeLessThan(text.indexOf('"operator"'));
    expect(text.indexOf('"operator"')).toBeLessThan(text.indexOf('"value"'));
  });

  it('pairs a changed line side by side with its line numbers', () => {
    const { rows, changes } = diffRuleDocuments([rule(false)], [rule(true)]);
    expect(changes).toBe(1);
    const changed = rows.filter((r) => r.kind === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.left!.text).toContain('"value": false');
    expect(changed[0]!.right!.text).toContain('"value": true');
    expect(changed[0]!.left!.line).toBe(changed[0]!.right!.line);
  });

  it('shows an added rule only on the right', () => {
    const { rows } = diffRuleDocuments([rule(false)], [rule(false), rule(true, '新规则')]);
    const added = rows.filter((r) => r.kind === 'added');
    expect(added.length).toBeGreaterThan(5);
    expect(added.every((r) => r.left === undefined && r.right)).toBe(true);
    expect(added.some((r) => r.right!.text.includes('新规则'))).toBe(true);
  });
});
