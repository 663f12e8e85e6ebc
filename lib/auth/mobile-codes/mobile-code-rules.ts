import type { MobileCodePurpose } from '@/db/database';

/**
 * How mobile codes work (短信验证码). Six digits are a million possibilities: with five tries per code, one
 * new code a minute and ten a day per number, guessing one is hopeless, and a code lives only 10 minutes.
 */
export const MOBILE_CODE_RULES = {
  digits: 6,
  validForMinutes: 10,
  /** Wrong tries a code survives; the fifth wrong one ends it. */
  maxWrongAttempts: 5,
  /** Per number and purpose: a new code no sooner than this after the last. */
  resendAfterSeconds: 60,
  /** Codes a number is sent in a day (all purposes together). */
  perPhonePerDay: 10,
  /** Codes asked for from one address in a day (an office shares an address; a script does too). */
  perAddressPerDay: 30,
} as const;

export const MOBILE_CODE_PURPOSE_LABELS: Record<MobileCodePurpose, string> = {
  register: '企业注册',
  reset_password: '找回密码',
};

export const MOBILE_CODE_PURPOSES = Object.keys(MOBILE_CODE_PURPOSE_LABELS) as MobileCodePurpose[];
