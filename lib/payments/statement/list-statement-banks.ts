import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { configuredBankCodes } from '@/lib/config/bank-secrets';

export interface StatementBank {
  code: string;
  name: string;
}

// Names of the banks a Xinjiang receiving account is likely kept at; any other code is shown as it is.
const BANK_NAMES: Record<string, string> = {
  demo: '演示银行（模拟）',
  icbc: '中国工商银行',
  abc: '中国农业银行',
  boc: '中国银行',
  ccb: '中国建设银行',
  bocom: '交通银行',
  psbc: '中国邮政储蓄银行',
  cmb: '招商银行',
  citic: '中信银行',
  cib: '兴业银行',
  spdb: '浦发银行',
  cmbc: '中国民生银行',
  ceb: '中国光大银行',
  hxb: '华夏银行',
  urumqi: '乌鲁木齐银行',
  xjrcu: '新疆农村信用社',
};

export function statementBankName(code: string): string {
  return Object.hasOwn(BANK_NAMES, code) ? BANK_NAMES[code]! : code.toUpperCase();
}

/**
 * The banks a statement can be imported for: those configured for notifications, so that a transfer
 * reported both ways carries the same bank code and is recorded once.
 */
export function listStatementBanks(actor: Actor): StatementBank[] {
  requireWriter(actor);
  return configuredBankCodes().map((code) => ({ code, name: statementBankName(code) }));
}
