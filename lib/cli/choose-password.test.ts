import { describe, expect, it } from 'vitest';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { choosePassword, type PasswordSource } from './choose-password';

/** A terminal that types the given answers, one per prompt, and records what it was shown. */
function terminal(answers: string[], env: Record<string, string | undefined> = {}) {
  const shown: string[] = [];
  const source: PasswordSource = {
    interactive: true,
    variable: 'ADMIN_PASSWORD',
    env,
    askHidden: async (prompt) => {
      shown.push(prompt);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`asked once too often: ${prompt}`);
      return answer;
    },
    tell: (line) => shown.push(line),
  };
  return { source, shown, unread: answers };
}

describe('choosing a password on the command line', () => {
  it('at a terminal, asks twice and takes it when both agree', async () => {
    const t = terminal(['Tianshan-2026', 'Tianshan-2026']);
    expect(await choosePassword(t.source)).toBe('Tianshan-2026');
    expect(t.shown).toEqual(['设置密码（至少 10 位，含字母、数字、符号中的至少两类）：', '再次输入密码：']);
  });

  it('asks again after a mismatch, saying so', async () => {
    const t = terminal(['Tianshan-2026', 'Tianshan-2027', 'Kunlun-2026!', 'Kunlun-2026!']);
    expect(await choosePassword(t.source)).toBe('Kunlun-2026!');
    expect(t.shown).toContain('两次输入的密码不一致，请重新设置。');
  });

  it('asks again after a weak password, with the reason, without asking to repeat it', async () => {
    const t = terminal(['short', 'Tianshan-2026', 'Tianshan-2026']);
    expect(await choosePassword(t.source)).toBe('Tianshan-2026');
    expect(t.shown.slice(0, 3)).toEqual(['设置密码（至少 10 位，含字母、数字、符号中的至少两类）：', '密码不符合要求：密码至少 10 位', '设置密码（至少 10 位，含字母、数字、符号中的至少两类）：']);
  });

  it('gives up after three failed attempts', async () => {
    const t = terminal(['short', 'Tianshan-2026', 'other-2026x', '1234567890123']);
    const refusal = await expectRefusal(choosePassword(t.source));
    expect([refusal.code, refusal.message]).toEqual(['VALIDATION_FAILED', '3 次均未设置成功，未创建账号']);
    expect(t.unread).toEqual([]);
  });

  it('at a terminal, asks even when ADMIN_PASSWORD is set, and says it is not used', async () => {
    const t = terminal(['Tianshan-2026', 'Tianshan-2026'], { ADMIN_PASSWORD: 'From-env-2026' });
    expect(await choosePassword(t.source)).toBe('Tianshan-2026');
    expect(t.shown[0]).toBe('在终端中运行：不使用环境变量 ADMIN_PASSWORD，请直接输入密码。');
  });

  it('without a terminal, reads ADMIN_PASSWORD and asks nothing', async () => {
    const t = terminal([], { ADMIN_PASSWORD: 'From-env-2026' });
    expect(await choosePassword({ ...t.source, interactive: false })).toBe('From-env-2026');
    expect(t.shown).toEqual([]);
  });

  it.each([['unset', undefined], ['empty', '']])('without a terminal and with ADMIN_PASSWORD %s, refuses clearly', async (_label, value) => {
    const t = terminal([], { ADMIN_PASSWORD: value });
    const refusal = await expectRefusal(choosePassword({ ...t.source, interactive: false }));
    expect(refusal.message).toBe('标准输入不是终端，无法询问密码：请通过环境变量 ADMIN_PASSWORD 提供密码');
  });
});
