import type { Enterprise } from '@/db/database';
import { DomainError, type FieldErrors } from '@/lib/errors/domain-error';

const get = (data: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

/**
 * A bidder applies only in its own enterprise's name: where the form asks for the applicant's identity
 * or basic account, the answer must be what the platform has registered for the bidder's enterprise
 * (the payment rules check transfers against that basic account).
 */
export function checkApplicantIdentity(data: Record<string, unknown>, enterprise: Enterprise): void {
  const expected: [string, string, string][] = [
    ['applicant.name', enterprise.name, '企业名称须与本企业登记信息一致'],
    ['applicant.uscc', enterprise.uscc, '统一社会信用代码须与本企业登记信息一致'],
    ['basicAccount.number', enterprise.basic_account_number, '基本户账号须为本企业登记的基本存款账户'],
  ];
  const fieldErrors: FieldErrors = {};
  for (const [path, registered, message] of expected) {
    const given = get(data, path);
    if (given !== undefined && given !== registered) fieldErrors[path] = message;
  }
  const first = Object.values(fieldErrors)[0];
  if (first) throw new DomainError('VALIDATION_FAILED', `投保信息有误：${first}`, fieldErrors);
}
