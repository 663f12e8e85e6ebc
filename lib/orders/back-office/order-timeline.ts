import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { formatFen } from '@/lib/money/format-fen';
import { formatDateTime } from '@/lib/time/format';
import { INVOICE_STATUS_LABELS } from '@/lib/invoices/invoice-labels';
import { TRANSFER_STATUS_LABELS } from '@/lib/payments/transfer-lifecycle';
import { PAYMENT_TICKET_KIND_LABELS } from '@/lib/payments/tickets/payment-ticket-kinds';
import { SURRENDER_REASON_LABELS, SURRENDER_STATUS_LABELS } from '@/lib/surrenders/surrender-labels';
import { getRuleSetCatalog, type RuleSetKey, type RuleSetOutcomes } from '@/rules/catalog/rule-set-catalogs';
import type { EvaluatedRule } from '@/rules/evaluated-rule';
import { explainDecision } from '@/rules/explain-decision';
import { ORDER_STATUS_LABELS } from '../order-status';

export type TimelineKind = 'order' | 'transfer' | 'decision' | 'policy' | 'surrender' | 'invoice' | 'refund' | 'ticket';

/** One thing that happened to an order, in words; `resource`/`recordId` name the back-office record it is. */
export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  title: string;
  detail: string;
  actor: string | null;
  resource: string | null;
  record_id: string | null;
  /** For a rule decision: "为什么", rebuilt from its stored rule results. */
  explanation?: string;
}

type Db = Kysely<Database> | Transaction<Database>;


/**
 * Everything the back office knows of one order, oldest first: its state changes, the transfers that paid
 * (or tried to pay) it, each rule decision with its explanation, the policy, a surrender, invoices, refunds
 * and the bidder's tickets.
 */
export async function orderTimeline(db: Db, orderId: string): Promise<TimelineEntry[]> {
  const [events, transfers, policies, surrenders, invoices, refunds, tickets] = await Promise.all([
    db.selectFrom('order_events').leftJoin('users', 'users.id', 'order_events.actor_id').where('order_events.order_id', '=', orderId)
      .select(['order_events.id', 'order_events.from_status', 'order_events.to_status', 'order_events.reason', 'order_events.decision_id',
        'order_events.occurred_at', 'users.display_name']).orderBy('order_events.id').execute(),
    db.selectFrom('bank_transfers').leftJoin('users', 'users.id', 'bank_transfers.handled_by').where('bank_transfers.order_id', '=', orderId)
      .select(['bank_transfers.id', 'bank_transfers.bank_txn_id', 'bank_transfers.amount_fen', 'bank_transfers.payer_name',
        'bank_transfers.payer_account', 'bank_transfers.status', 'bank_transfers.decision_id', 'bank_transfers.received_at',
        'bank_transfers.handled_at', 'users.display_name']).execute(),
    db.selectFrom('policies').where('order_id', '=', orderId).select(['id', 'policy_number', 'issued_at', 'period_start', 'period_end', 'document_ready_at']).execute(),
    db.selectFrom('surrenders').leftJoin('users', 'users.id', 'surrenders.reviewed_by').where('surrenders.order_id', '=', orderId)
      .select(['surrenders.id', 'surrenders.status', 'surrenders.bidder_reason', 'surrenders.decision_id', 'surrenders.created_at',
        'surrenders.reviewed_at', 'surrenders.review_reason', 'users.display_name']).execute(),
    db.selectFrom('invoices').where('order_id', '=', orderId)
      .select(['id', 'status', 'title', 'invoice_number', 'decision_id', 'requested_at', 'issued_at', 'voided_at', 'void_reason']).execute(),
    db.selectFrom('refunds').where('order_id', '=', orderId)
      .select(['id', 'amount_fen', 'reason', 'due_date', 'status', 'created_at', 'refunded_at', 'bank_reference']).execute(),
    db.selectFrom('payment_tickets').where('order_id', '=', orderId)
      .select(['id', 'kind', 'message', 'status', 'answer', 'created_at', 'answered_at']).execute(),
  ]);

  const decisionIds = [
    ...events.map((e) => e.decision_id), ...transfers.map((t) => t.decision_id),
    ...surrenders.map((s) => s.decision_id), ...invoices.map((i) => i.decision_id),
  ].filter((id): id is string => id !== null);
  const decisions = await db
    .selectFrom('rule_decisions as d')
    .innerJoin('rule_set_versions as v', 'v.id', 'd.version_id')
    .select(['d.id', 'd.rule_set_key', 'd.outcome', 'd.rule_results', 'd.decided_at', 'v.version'])
    .where((eb) =>
      eb.or([
        eb.and([eb('d.subject_type', '=', 'order'), eb('d.subject_id', '=', orderId)]),
        ...(decisionIds.length ? [eb('d.id', 'in', decisionIds)] : []),
        ...(transfers.length ? [eb.and([eb('d.subject_type', '=', 'bank_transfer'), eb('d.subject_id', 'in', transfers.map((t) => t.id))])] : []),
      ]),
    )
    .execute();

  const entries: TimelineEntry[] = [];
  const add = (entry: Omit<TimelineEntry, 'actor' | 'resource' | 'record_id'> & Partial<TimelineEntry>) =>
    entries.push({ actor: null, resource: null, record_id: null, ...entry });

  for (const e of events) {
    add({
      at: e.occurred_at, kind: 'order', actor: e.display_name,
      title: e.from_status ? `${ORDER_STATUS_LABELS[e.from_status]} → ${ORDER_STATUS_LABELS[e.to_status]}` : `创建订单（${ORDER_STATUS_LABELS[e.to_status]}）`,
      detail: e.reason,
    });
  }
  for (const t of transfers) {
    add({
      at: t.received_at, kind: 'transfer', resource: 'transfers', record_id: t.id,
      title: `收到转账 ${formatFen(t.amount_fen)}（${TRANSFER_STATUS_LABELS[t.status]}）`,
      detail: `流水号 ${t.bank_txn_id}，付款人 ${t.payer_name}（${t.payer_account}）`,
    });
    if (t.handled_at) add({ at: t.handled_at, kind: 'transfer', resource: 'transfers', record_id: t.id, actor: t.display_name, title: '转账已人工处理', detail: `流水号 ${t.bank_txn_id}：${TRANSFER_STATUS_LABELS[t.status]}` });
  }
  for (const d of decisions) {
    const key = d.rule_set_key as RuleSetKey;
    const explanation = explainDecision({ ruleSetKey: key, outcome: d.outcome as unknown as RuleSetOutcomes[RuleSetKey], ruleResults: d.rule_results as EvaluatedRule[] });
    add({
      at: d.decided_at, kind: 'decision', resource: 'rule-decisions', record_id: d.id,
      title: `规则决策：${getRuleSetCatalog(key).label}（v${d.version}）`, detail: explanation.summary,
      // The summary is the detail already: the explanation is each rule, fired or not, and why.
      explanation: explanation.text.split('\n').slice(2).join('\n'),
    });
  }
  for (const p of policies) {
    add({
      at: p.issued_at, kind: 'policy', title: `出具保单 ${p.policy_number}`,
      detail: `保险期间 ${formatDateTime(p.period_start).slice(0, 10)} 至 ${formatDateTime(p.period_end).slice(0, 10)}${p.document_ready_at !== null ? '，保单文件已生成' : '，保单文件生成中'}`,
    });
  }
  for (const s of surrenders) {
    add({ at: s.created_at, kind: 'surrender', resource: 'surrenders', record_id: s.id, title: `申请退保（${SURRENDER_REASON_LABELS[s.bidder_reason]}）`, detail: `当前：${SURRENDER_STATUS_LABELS[s.status]}` });
    if (s.reviewed_at) add({ at: s.reviewed_at, kind: 'surrender', resource: 'surrenders', record_id: s.id, actor: s.display_name, title: `退保审核：${SURRENDER_STATUS_LABELS[s.status]}`, detail: s.review_reason ?? '' });
  }
  for (const i of invoices) {
    add({ at: i.requested_at, kind: 'invoice', resource: 'invoices', record_id: i.id, title: '申请开票', detail: `抬头 ${i.title}，当前：${INVOICE_STATUS_LABELS[i.status]}` });
    if (i.issued_at) add({ at: i.issued_at, kind: 'invoice', resource: 'invoices', record_id: i.id, title: '发票已开具', detail: i.invoice_number ? `发票号码 ${i.invoice_number}` : '' });
    if (i.voided_at) add({ at: i.voided_at, kind: 'invoice', resource: 'invoices', record_id: i.id, title: '发票已作废', detail: i.void_reason ?? '' });
  }
  for (const r of refunds) {
    add({ at: r.created_at, kind: 'refund', resource: 'refunds', record_id: r.id, title: `应退款 ${formatFen(r.amount_fen)}`, detail: `${r.reason}，应于 ${r.due_date} 前退还` });
    if (r.refunded_at) add({ at: r.refunded_at, kind: 'refund', resource: 'refunds', record_id: r.id, title: `已退款 ${formatFen(r.amount_fen)}`, detail: r.bank_reference ? `银行凭证 ${r.bank_reference}` : '' });
  }
  for (const t of tickets) {
    add({ at: t.created_at, kind: 'ticket', resource: 'payment-tickets', record_id: t.id, title: `工单：${PAYMENT_TICKET_KIND_LABELS[t.kind]}`, detail: t.message });
    if (t.answered_at) add({ at: t.answered_at, kind: 'ticket', resource: 'payment-tickets', record_id: t.id, title: '工单已答复', detail: t.answer ?? '' });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
