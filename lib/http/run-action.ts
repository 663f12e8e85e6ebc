import { DomainError } from '@/lib/errors/domain-error';
import { fromDatabaseError } from '@/lib/errors/from-database-error';

export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/**
 * What a server action hands back to the page: the value, or the refusal's code and Chinese message
 * (with field errors for forms). Anything unexpected is logged and reported without its details.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    // The same reading of a database refusal as an API route's (lib/http/error-response.ts).
    const domain = error instanceof DomainError ? error : fromDatabaseError(error);
    if (domain) return { ok: false, code: domain.code, message: domain.message, fieldErrors: domain.fieldErrors };
    console.error(error);
    return { ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
  }
}
