import { describe, expect, it } from 'vitest';
import { passwordWeakness } from '@/lib/auth/password-policy';
import { generateTemporaryPassword } from './temporary-password';

describe('temporary passwords', () => {
  const samples = Array.from({ length: 500 }, generateTemporaryPassword);

  it('pass the password policy, with an upper-case and a lower-case letter and a digit each', () => {
    for (const password of samples) {
      expect(passwordWeakness(password)).toBeNull();
      expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z\d]{14}$/);
    }
  });

  it('have no characters that look alike when read off a screen', () => {
    expect(samples.join('')).not.toMatch(/[0O1lI]/);
  });

  it('are not repeated', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });
});
