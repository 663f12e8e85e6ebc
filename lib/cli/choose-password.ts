import { passwordWeakness } from '@/lib/auth/password-policy';
import { DomainError } from '@/lib/errors/domain-error';

/** How a command-line tool gets a password: from the person at the terminal, or from its environment. */
export interface PasswordSource {
  /** Standard input is a terminal: someone is there to ask. */
  interactive: boolean;
  /** The environment variable read when nobody is there to ask. */
  variable: string;
  env: Record<string, string | undefined>;
  /** Asks for a line without showing what is typed. */
  askHidden(prompt: string): Promise<string>;
  /** A line for the person at the terminal (standard error: standard output keeps only the result). */
  tell(line: string): void;
}

export const PASSWORD_ATTEMPTS = 3;

/**
 * A new password, chosen by a person: asked twice at a terminal (a typo in hidden input would otherwise
 * lock the administrator out of the account just made), a weak one or a mismatch asked again, at most three
 * times; without a terminal, from the environment (a deploy script; never an argument, which `ps` and the
 * shell history would show). Its strength is checked again where the account is created.
 */
export async function choosePassword(source: PasswordSource): Promise<string> {
  if (!source.interactive) {
    const fromEnv = source.env[source.variable];
    if (!fromEnv) {
      throw new DomainError('VALIDATION_FAILED', `标准输入不是终端，无法询问密码：请通过环境变量 ${source.variable} 提供密码`);
    }
    return fromEnv;
  }
  if (source.env[source.variable]) source.tell(`在终端中运行：不使用环境变量 ${source.variable}，请直接输入密码。`);
  for (let attempt = 1; attempt <= PASSWORD_ATTEMPTS; attempt++) {
    const password = await source.askHidden('设置密码（至少 10 位，含字母、数字、符号中的至少两类）：');
    const weakness = passwordWeakness(password);
    if (weakness) {
      source.tell(`密码不符合要求：${weakness}`);
      continue;
    }
    if ((await source.askHidden('再次输入密码：')) === password) return password;
    source.tell('两次输入的密码不一致，请重新设置。');
  }
  throw new DomainError('VALIDATION_FAILED', `${PASSWORD_ATTEMPTS} 次均未设置成功，未创建账号`);
}
