import { describe, expect, it } from 'vitest';
import { getRuleSetCatalog } from '../catalog/rule-set-catalogs';
import { DEFAULT_RULE_DOCUMENTS } from '../defaults/default-rule-documents';
import { validateRuleDocument } from '../validate-rule-document';
import type { BuilderDocument } from './builder-model';
import { setDecisionCell, toDecisionTable } from './decision-table';
import { documentStructure } from './document-structure';
import { fromBuilderModel } from './from-builder-model';
import { toBuilderModel } from './to-builder-model';

const catalog = getRuleSetCatalog('invoice-type');
const model = (doc: unknown): BuilderDocument => {
  const result = toBuilderModel(doc);
  if (!result.ok) throw new Error(result.reason);
  return result.model;
};

describe('decision table', () => {
  it('shows the flat invoice rules as rows and the nested one as not fitting, with the reason', () => {
    const rows = toDecisionTable(model(DEFAULT_RULE_DOCUMENTS['invoice-type']), catalog);
    expect(rows.map((r) => r.kind)).toEqual(['flat', 'flat', 'not-flat']);
    expect(rows[1]).toMatchObject({ cells: { medium: { operator: 'equal', value: 'electronic' }, invoiceType: { operator: 'equal', value: 'special' } } });
    expect(rows[1]!.kind === 'flat' && rows[1]!.cells.bidOpened).toBeUndefined();
    expect(rows[2]).toMatchObject({ reason: '含有嵌套的条件组' });
  });

  it('edits a cell, adds a condition in catalog order for an empty cell, and clears a cell to "any"', () => {
    const start = model(DEFAULT_RULE_DOCUMENTS['invoice-type']);
    const changed = setDecisionCell(start, 1, 'medium', { operator: 'equal', value: 'paper' }, catalog);
    const added = setDecisionCell(changed, 1, 'bidOpened', { operator: 'equal', value: true }, catalog);
    const cleared = setDecisionCell(added, 1, 'invoiceType', undefined, catalog);
    const doc = fromBuilderModel(cleared) as { conditions: unknown }[];
    expect(doc[1]!.conditions).toEqual({
      all: [
        { fact: 'bidOpened', operator: 'equal', value: true },
        { fact: 'medium', operator: 'equal', value: 'paper' },
      ],
    });
    expect(validateRuleDocument({ ruleSetKey: 'invoice-type', value: doc }).ok).toBe(true);
    // The other rules are untouched.
    expect(doc[0]).toEqual((DEFAULT_RULE_DOCUMENTS['invoice-type'] as unknown[])[0]);
  });
});

describe('document structure (value-only editing)', () => {
  const shipped = DEFAULT_RULE_DOCUMENTS['invoice-type'] as { conditions: { all: { value?: unknown }[] }; event: { params?: Record<string, unknown> } }[];
  const copy = () => JSON.parse(JSON.stringify(shipped)) as typeof shipped;

  it('is the same when only compared values and outcome parameters change', () => {
    const doc = copy();
    doc[1]!.conditions.all[0]!.value = 'paper';
    doc[0]!.event.params = { reason: 'electronic_special_not_supported' };
    expect(documentStructure(doc)).toBe(documentStructure(shipped));
  });

  it('differs when a rule or a condition is added or removed, an operator, fact or outcome type changes', () => {
    const removedRule = copy().slice(1);
    const addedCondition = copy();
    addedCondition[1]!.conditions.all.push({ fact: 'bidOpened', operator: 'equal', value: true } as never);
    const operator = copy();
    (operator[1]!.conditions.all[0] as { operator: string }).operator = 'notEqual';
    const outcome = copy();
    (outcome[1]!.event as { type: string }).type = 'allowed';
    for (const doc of [removedRule, addedCondition, operator, outcome]) expect(documentStructure(doc)).not.toBe(documentStructure(shipped));
  });
});
