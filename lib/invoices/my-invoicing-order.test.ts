import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/db/database';
import { bidderOrderActions } from '@/lib/orders/order-lifecycle';
import { notInvoiceableReason } from './my-invoicing-order';

// Every order status: whether the order page shows an invoice panel, and whether a request may be made.
const TABLE: Record<OrderStatus, { panel: boolean; requestable: boolean }> = {
  pending_payment: { panel: false, requestable: false },
  payment_review: { panel: false, requestable: false },
  issued: { panel: true, requestable: true },
  cancelled: { panel: false, requestable: false },
  abandoned: { panel: false, requestable: false },
  surrender_review: { panel: true, requestable: false },
  surrendered: { panel: true, requestable: false },
};

describe('which orders have anything to do with invoices', () => {
  it.each(Object.entries(TABLE) as [OrderStatus, { panel: boolean; requestable: boolean }][])('%s', (status, expected) => {
    expect(bidderOrderActions(status).includes('viewInvoicing')).toBe(expected.panel);
    expect(notInvoiceableReason(status) === null).toBe(expected.requestable);
  });
});
