import { DomainError } from '@/lib/errors/domain-error';
import { readCappedBody } from './read-capped-body';
import { parseJsonText } from './read-json-body';

/** Next.js's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB unless configured). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

// In React's reply format a string starting with `$` is either a value of its own ($$ escapes a literal $;
// $u undefined, $I / $-I / $-0 / $NaN, $D a date, $n a bigint) or a reference to another part of a
// multipart body. A plain-text body has no other parts, so a reference in one can only be forged.
const SELF_CONTAINED = new Set(['$', 'u', 'I', '-', 'N', 'D', 'n']);

/**
 * A server action's arguments as the browser sends them (React's reply format), checked before Next.js
 * decodes them: Next answers a malformed or oversized payload with a bare 500, we answer 413 or 422 with
 * a Chinese message. The actions themselves still validate every argument (lib/http/run-action.ts).
 */
export async function assertWellFormedActionPayload(request: Request): Promise<void> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const bytes = await readCappedBody(request, MAX_ACTION_BODY_BYTES, '提交的内容过大（不能超过 1 MB）');
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
    } catch {
      throw malformed();
    }
    for (const value of form.values()) if (typeof value === 'string') parsePart(new TextEncoder().encode(value), false);
    return;
  }
  if (!Array.isArray(parsePart(bytes, true))) throw malformed();
}

function parsePart(bytes: Uint8Array, standalone: boolean): unknown {
  let value: unknown;
  try {
    value = parseJsonText(bytes);
  } catch {
    throw malformed();
  }
  if (standalone && hasReference(value)) throw malformed();
  return value;
}

function hasReference(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.startsWith('$') && !SELF_CONTAINED.has(node.charAt(1))) return true;
    } else if (node !== null && typeof node === 'object') {
      stack.push(...(Array.isArray(node) ? node : Object.values(node)));
    }
  }
  return false;
}

const malformed = () => new DomainError('VALIDATION_FAILED', '提交的内容格式无法识别，请刷新页面后重试');
