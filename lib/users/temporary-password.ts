import { randomInt } from 'node:crypto';
import { passwordWeakness } from '@/lib/auth/password-policy';

// Letters and digits without the look-alikes (0/O, 1/l/I): the password is read off a screen and typed.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS;
const LENGTH = 14;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/**
 * A password someone else sets for an account (created, reset): 14 characters from 56, about 81 bits,
 * drawn with the operating system's CSPRNG, with an upper-case letter, a lower-case letter and a digit
 * each somewhere. It is shown once to the administrator and only its hash is kept; the account must
 * choose its own at its next sign-in.
 */
export function generateTemporaryPassword(): string {
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), ...Array.from({ length: LENGTH - 3 }, () => pick(ALL))];
  // Fisher–Yates, so the guaranteed classes are not always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (passwordWeakness(password)) throw new Error('generated temporary password fails the password policy');
  return password;
}
