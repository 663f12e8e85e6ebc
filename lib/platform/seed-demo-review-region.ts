import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { findEffectiveVersion } from '@/lib/rules/find-effective-version';
import { insertRuleDraft } from '@/lib/rules/insert-rule-draft';
import { parseRuleDocument } from '@/lib/rules/parse-rule-document';
import { publishRuleDraft } from '@/lib/rules/publish-rule-draft';
import { fixedClock, now, withClock } from '@/lib/time/clock';
import { daysFrom } from './demo-data';
import {
  DEMO_REVIEW_OPERATOR_PHONE, DEMO_REVIEW_TEST_CASE, demoOrdersEnterprise, demoPersonalPayer, demoReviewInsurer,
  demoReviewOperatorName, demoReviewProduct, demoReviewProjects, demoReviewRegion, demoReviewRule,
} from './demo-orders-data';
import { renderDemoInvoicePdf } from './render-demo-invoice-pdf';

type Apply = (trx: Transaction<Database>, bidder: Actor, projectCode: string, sectionName: string) => Promise<{ id: string; remarkCode: string; premiumFen: number }>;

/**
 * The demo region 昌吉回族自治州 (demo-orders-data.ts) inside seedDemoOrders' transaction: its operator, insurer,
 * product and two projects, and its own payment-source rules — the baseline plus 个人账户转账的政府采购保费转人工审核 —
 * published by that operator like any regional version. Then, with the clock set back, 孙晓燕 applies and pays
 * as she would have: 25 days ago for the construction project (from the basic account: insured), 3 and 2 days
 * ago for the procurement one (from her own card: 支付审核中). Back at the present, after that bid opening, she
 * asks for an electronic invoice and the operator issues it with its PDF.
 */
export async function seedDemoReviewRegion(trx: Transaction<Database>, bidder: Actor, passwordHash: string, apply: Apply): Promise<void> {
  const at = now();
  const { invoiced, inReview } = demoReviewProjects;
  // The seed's own clock (withClock): requests the server answers meanwhile keep living in the present.
  const clock = fixedClock(daysFrom(at, -30));
  const { insured, operator } = await withClock(clock, async () => {
    await trx.insertInto('regions').values(demoReviewRegion).execute();
    // As the other demo regions (seed-demo.ts): one operator drafts and publishes, without a second approval.
    await trx.insertInto('version_approval_settings').values({ scope: demoReviewRegion.id, approval_required: false, updated_at: now() }).execute();
    await trx
      .insertInto('users')
      .values({
        phone: DEMO_REVIEW_OPERATOR_PHONE, display_name: demoReviewOperatorName, password_hash: passwordHash,
        role: 'operator', region_id: demoReviewRegion.id, can_edit_rules: true,
      })
      .execute();
    const operator = (await loadActor(trx, { phone: DEMO_REVIEW_OPERATOR_PHONE }))!;
    const insurer = await trx.insertInto('insurers').values({ ...demoReviewInsurer, region_id: demoReviewRegion.id, updated_at: now() }).returning('id').executeTakeFirstOrThrow();
    const notice = await trx.selectFrom('products').select('notice').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await trx.insertInto('products').values({ ...demoReviewProduct, insurer_id: insurer.id, notice: notice.notice, updated_at: now() }).execute();
    for (const { section, depositDeadlineInDays, bidOpeningInDays, ...project } of Object.values(demoReviewProjects)) {
      const row = await trx
        .insertInto('projects')
        .values({
          ...project, region_id: demoReviewRegion.id, status: 'normal', updated_at: now(),
          deposit_deadline: daysFrom(at, depositDeadlineInDays), bid_opening_at: daysFrom(at, bidOpeningInDays),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('sections').values({ ...section, project_id: row.id }).execute();
    }
    await publishReviewRule(trx, operator);

    clock.set(daysFrom(at, -25));
    const insured = await apply(trx, bidder, invoiced.code, invoiced.section.name);
    await recordTransfer(trx, 'demo', 'webhook', {
      transactionId: `DEMO-INVOICED-${insured.remarkCode}`, amountFen: insured.premiumFen, remark: insured.remarkCode, bankTime: now(),
      payerName: demoOrdersEnterprise.name, payerAccount: demoOrdersEnterprise.basic_account_number, payerKind: 'enterprise',
    });

    clock.set(daysFrom(at, -3));
    const reviewed = await apply(trx, bidder, inReview.code, inReview.section.name);
    clock.set(daysFrom(at, -2));
    await recordTransfer(trx, 'demo', 'webhook', {
      transactionId: `DEMO-REVIEW-${reviewed.remarkCode}`, amountFen: reviewed.premiumFen, remark: reviewed.remarkCode, bankTime: now(),
      ...demoPersonalPayer,
    });
    return { insured, operator };
  });

  // Back at the present, after that bid opening.
  const { invoiceId } = await requestInvoice(trx, bidder, insured.id, {
    medium: 'electronic', invoiceType: 'ordinary', title: demoOrdersEnterprise.name, taxNumber: demoOrdersEnterprise.uscc,
  });
  const invoiceNumber = '26652300000000000027';
  const bytes = await renderDemoInvoicePdf({
    invoiceNumber, issuedAt: now(), buyerName: demoOrdersEnterprise.name, buyerTaxNumber: demoOrdersEnterprise.uscc,
    sellerName: demoReviewInsurer.name, item: `*保险服务*投标保证保险保费（${invoiced.name}）`, amountFen: insured.premiumFen,
  });
  await issueInvoice(trx, operator, invoiceId, { invoice_number: invoiceNumber }, { name: `${invoiceNumber}.pdf`, bytes });
}

/** The region's payment-source version: the baseline's rules and one more, with the region's own expectation for the case it changes. */
async function publishReviewRule(trx: Transaction<Database>, operator: Actor): Promise<void> {
  const baseline = (await findEffectiveVersion(trx, 'payment-source', null))!;
  const platformCase = await trx
    .selectFrom('rule_test_cases')
    .select('facts')
    .where('rule_set_key', '=', 'payment-source')
    .where('region_id', 'is', null)
    .where('name', '=', DEMO_REVIEW_TEST_CASE)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('rule_test_cases')
    .values({
      rule_set_key: 'payment-source', region_id: demoReviewRegion.id, name: DEMO_REVIEW_TEST_CASE,
      facts: JSON.stringify(platformCase.facts), expected: JSON.stringify({ accepted: false, review: true }),
      created_by: operator.userId, created_at: now(),
    })
    .execute();
  const baselineRules = parseRuleDocument('payment-source', baseline.document) as unknown as unknown[];
  const draft = await insertRuleDraft(trx, operator, {
    ruleSetKey: 'payment-source',
    regionId: demoReviewRegion.id,
    document: parseRuleDocument('payment-source', [...baselineRules, demoReviewRule]),
    note: '本区域政府采购项目个人账户转账的保费须人工核实付款人身份',
    copiedFrom: baseline.id,
  });
  await publishRuleDraft(trx, operator, draft.id, '个人账户代企业缴纳保费的，由区域管理员人工审核后再出函');
}
