import { DomainError } from '@/lib/errors/domain-error';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body of a JSON API call. Requiring the JSON content type also means a cross-site page cannot
 * send this request without a CORS preflight, which we never grant.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new DomainError('VALIDATION_FAILED', '请求内容必须是 JSON（Content-Type: application/json）');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new DomainError('VALIDATION_FAILED', '请求内容过大');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('VALIDATION_FAILED', '请求内容不是合法的 JSON');
  }
}
