import { DomainError } from '@/lib/errors/domain-error';
import { assertSameOrigin } from './cross-site-request';
import { readCappedBody } from './read-capped-body';

export interface Upload {
  fields: Record<string, string>;
  /** The form's `file` part, if one was sent. */
  file?: { name: string; bytes: Uint8Array };
}

// Room for the other fields and the multipart framing around the largest file allowed.
const FRAMING_BYTES = 64 * 1024;

/**
 * A multipart form with at most one file. Unlike JSON, a multipart POST needs no CORS preflight, so
 * besides the proxy's check (proxy.ts) a request from another site is refused here too. The body is read
 * with a cap before it is parsed, so an endless upload is cut off at the cap rather than buffered whole.
 */
export async function readUpload(request: Request, maxFileBytes: number, tooLarge: string): Promise<Upload> {
  assertSameOrigin(request);
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new DomainError('VALIDATION_FAILED', '请求内容必须是表单上传（Content-Type: multipart/form-data）');
  }
  const bytes = await readCappedBody(request, maxFileBytes + FRAMING_BYTES, tooLarge).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'PAYLOAD_TOO_LARGE') throw new DomainError('PAYLOAD_TOO_LARGE', tooLarge, { file: tooLarge });
    throw error;
  });
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new DomainError('VALIDATION_FAILED', '上传的表单无法读取，请重试');
  }
  const fields: Record<string, string> = {};
  let file: Upload['file'];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file' && value.size > 0) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}
