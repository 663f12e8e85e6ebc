import { DomainError } from '@/lib/errors/domain-error';
import { readCappedBody } from './read-capped-body';

/**
 * A URL-encoded form body (what next-auth's sign-in and sign-out send, and what the sign-in page posts
 * before it hydrates), read with a cap. Anything else is refused before next-auth sees it: it would parse a
 * JSON body itself, uncapped, and fail with a 500 on a malformed one.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new DomainError('VALIDATION_FAILED', '请求内容必须是表单（Content-Type: application/x-www-form-urlencoded）');
  }
  return readCappedBody(request, maxBytes);
}
