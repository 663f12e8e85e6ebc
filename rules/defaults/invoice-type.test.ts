import { describe, expect, it } from 'vitest';
import type { InvoiceTypeFacts } from '../catalog/invoice-type';
import { evaluatePreparedRuleSet } from '../evaluate';
import { prepareRuleSet } from '../prepared-rule-set';
import { loadDefaultRuleDocument } from './default-rule-documents';

/** The seed's invoice rules (发票申请流程), by hand: only after opening; electronic only ordinary. */
function seedInvoice(f: InvoiceTypeFacts): { allowed: true } | { allowed: false; reason: string } {
  if (!f.bidOpened) return { allowed: false, reason: 'before_bid_opening' };
  if (f.medium === 'electronic' && f.invoiceType === 'special') return { allowed: false, reason: 'electronic_special_not_supported' };
  return { allowed: true };
}

const cases: InvoiceTypeFacts[] = (['electronic', 'paper'] as const).flatMap((medium) =>
  (['ordinary', 'special'] as const).flatMap((invoiceType) => [true, false].map((bidOpened) => ({ medium, invoiceType, bidOpened }))),
);

const prepared = prepareRuleSet('invoice-type', loadDefaultRuleDocument('invoice-type'));

describe('default invoice-type rules', () => {
  it('covers every combination of the facts', () => {
    expect(cases).toHaveLength(8);
  });

  it.each(cases)('medium=$medium type=$invoiceType opened=$bidOpened', async (facts) => {
    const decision = await evaluatePreparedRuleSet(prepared, facts);
    expect(decision.outcome).toEqual(seedInvoice(facts));
  });

  it('says "not yet" before "not this kind" for an electronic special invoice before opening', async () => {
    const decision = await evaluatePreparedRuleSet(prepared, { medium: 'electronic', invoiceType: 'special', bidOpened: false });
    expect(decision.outcome).toEqual({ allowed: false, reason: 'before_bid_opening' });
    expect(decision.firedRuleNames).toEqual(['开标前不予开具发票', '电子发票仅支持增值税普通发票']);
  });
});
