import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { DomainError } from '@/lib/errors/domain-error';
import { assertCanWriteRecord } from './assert-can-write-record';
import type { AnyResource } from './resource-definition';

const actor = (role: Actor['role'], regionId: string | null): Actor => ({
  userId: 'u', role, name: '测试', phone: '13900000000', regionId, enterpriseId: null, canEditRules: false, canEditRuleValues: false,
});
const operator = actor('operator', '650100');
const regional = { nationwide: undefined } as AnyResource;
const nationwide = { nationwide: true } as AnyResource;

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return (error as DomainError).code;
  }
  return null;
};

describe('who may write a record', () => {
  it('lets an operator write a nationwide record of no region, but not the platform\'s own records', () => {
    expect(refusal(() => assertCanWriteRecord(operator, nationwide, null))).toBeNull();
    expect(refusal(() => assertCanWriteRecord(operator, regional, null))).toBe('OTHER_REGION');
  });

  it('still keeps a nationwide resource\'s regional records, if it had any, to their region', () => {
    expect(refusal(() => assertCanWriteRecord(operator, nationwide, '650200'))).toBe('OTHER_REGION');
    expect(refusal(() => assertCanWriteRecord(operator, nationwide, '650100'))).toBeNull();
  });

  it('never lets compliance or a bidder write, nationwide or not', () => {
    expect(refusal(() => assertCanWriteRecord(actor('compliance', null), nationwide, null))).toBe('READ_ONLY_ROLE');
    expect(refusal(() => assertCanWriteRecord(actor('bidder', null), nationwide, null))).toBe('FORBIDDEN');
    expect(refusal(() => assertCanWriteRecord(actor('platform_admin', null), regional, null))).toBeNull();
  });
});
