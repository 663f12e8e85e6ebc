import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPolicyIssuance } from './check-policy-issuance';

describe('the start-up check of policy issuance', () => {
  const saved = process.env.POLICY_FONT_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.POLICY_FONT_PATH;
    else process.env.POLICY_FONT_PATH = saved;
    vi.restoreAllMocks();
  });

  it('passes with the installed font and a master key', () => {
    expect(checkPolicyIssuance()).toBeNull();
  });

  it('says loudly that payments cannot insure without the font', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    process.env.POLICY_FONT_PATH = '/nonexistent/font.ttf';
    expect(checkPolicyIssuance()).toContain('无法出具保单');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('POLICY_FONT_PATH=/nonexistent/font.ttf'));
  });
});
