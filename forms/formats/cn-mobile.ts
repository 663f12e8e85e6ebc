/** 中国大陆手机号: 11 digits starting 13–19 (what the carriers issue today). */
export function isCnMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}
