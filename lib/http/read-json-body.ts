import { DomainError } from '@/lib/errors/domain-error';
import { jsonDepth } from './json-depth';
import { readCappedBody } from './read-capped-body';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Deeper than any document the product stores (a form schema may nest 32 levels, inside its request), and
 * shallow enough that code walking a document recursively (validation, diffs, audit hashing) never runs out
 * of stack on one.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The body of a JSON API call. Requiring the JSON content type also means a cross-site page cannot
 * send this request without a CORS preflight, which we never grant.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new DomainError('VALIDATION_FAILED', '请求内容必须是 JSON（Content-Type: application/json）');
  }
  return parseJsonText(await readCappedBody(request, MAX_JSON_BODY_BYTES, '请求内容过大（不能超过 1 MB）'));
}

/** UTF-8 JSON bytes as a value, refusing bytes that are not UTF-8 and documents nested beyond MAX_JSON_DEPTH. */
export function parseJsonText(bytes: Uint8Array): unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new DomainError('VALIDATION_FAILED', '请求内容不是合法的 JSON');
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) throw new DomainError('VALIDATION_FAILED', `请求内容嵌套过深（不能超过 ${MAX_JSON_DEPTH} 层）`);
  return value;
}
