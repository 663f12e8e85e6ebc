import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { freshAddress, freshPhone, lastSentCode } from '@/lib/auth/mobile-codes/testing/sent-codes';
import { USCC_ALPHABET, withCheckCharacter } from '../../uscc';
import { registerEnterprise } from '../register-enterprise';
import { requestRegistrationCode } from '../request-registration-code';
import type { RegistrationValues } from '../registration-schema';

/** For tests: a valid 统一社会信用代码 no one has (a 91 company code of 乌鲁木齐 with a random body). */
export function freshUscc(): string {
  const body = Array.from({ length: 9 }, () => USCC_ALPHABET[randomInt(USCC_ALPHABET.length)]).join('');
  return withCheckCharacter(`91650100${body}`);
}

export const TEST_PASSWORD = 'Tianchi-2026';

/** For tests: a complete registration of a new enterprise in 乌鲁木齐市, without its code. */
export function registrationValues(overrides: Partial<RegistrationValues> = {}): RegistrationValues {
  return {
    enterpriseName: '新疆博格达建设集团有限公司',
    uscc: freshUscc(),
    legalRepresentative: '艾力·买买提',
    contactName: '古丽',
    contactPhone: '0991-4567890',
    email: 'bid@bogda.example.cn',
    basicAccountBank: '中国银行乌鲁木齐分行',
    basicAccountName: '新疆博格达建设集团有限公司',
    basicAccountNumber: '6216 6100 0001 2345 678',
    regionId: '650100',
    personName: '古丽',
    phone: freshPhone(),
    password: TEST_PASSWORD,
    confirmPassword: TEST_PASSWORD,
    code: '',
    ...overrides,
  };
}

/** For tests: asks for the code (from an address of its own), reads it from the SMS log and registers. */
export async function registerWithCode(db: Kysely<Database>, overrides: Partial<RegistrationValues> = {}) {
  const values = registrationValues(overrides);
  const address = freshAddress();
  await requestRegistrationCode(db, { phone: values.phone }, address);
  const code = await lastSentCode(db, values.phone);
  return { values, outcome: await registerEnterprise(db, { ...values, code }, address) };
}
