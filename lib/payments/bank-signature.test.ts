import { describe, expect, it } from 'vitest';
import { signBankNotification, verifyBankNotification } from './bank-signature';

const SECRET = 'bank-secret-for-tests';
const NOW = new Date('2026-11-24T02:00:00Z');
const body = JSON.stringify({ transactionId: 'T-1', amountFen: 120000 });
const ts = String(Math.floor(NOW.getTime() / 1000));

describe('bank notification signature', () => {
  it('accepts a correctly signed, fresh notification', () => {
    expect(() => verifyBankNotification(SECRET, { timestamp: ts, signature: signBankNotification(SECRET, ts, body) }, body, NOW)).not.toThrow();
  });

  it.each([
    ['a wrong signature', { timestamp: ts, signature: signBankNotification('other-secret', ts, body) }, body],
    ['a changed body', { timestamp: ts, signature: signBankNotification(SECRET, ts, body) }, body.replace('120000', '1')],
    ['no signature', { timestamp: ts, signature: null }, body],
    ['a signature of the wrong length', { timestamp: ts, signature: 'abcd' }, body],
    ['a timestamp six minutes old (a replay)', { timestamp: String(Number(ts) - 360), signature: signBankNotification(SECRET, String(Number(ts) - 360), body) }, body],
    ['a timestamp from the future', { timestamp: String(Number(ts) + 360), signature: signBankNotification(SECRET, String(Number(ts) + 360), body) }, body],
  ])('refuses %s with BAD_SIGNATURE', (_label, headers, sentBody) => {
    expect(() => verifyBankNotification(SECRET, headers, sentBody, NOW)).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE', status: 401 }));
  });

  it('refuses everything when the bank has no secret configured', () => {
    expect(() => verifyBankNotification(undefined, { timestamp: ts, signature: signBankNotification(SECRET, ts, body) }, body, NOW)).toThrow(
      expect.objectContaining({ code: 'BAD_SIGNATURE' }),
    );
  });
});
