import { DomainError } from '@/lib/errors/domain-error';

export interface Upload {
  fields: Record<string, string>;
  /** The form's `file` part, if one was sent. */
  file?: { name: string; bytes: Uint8Array };
}

// Room for the other fields and the multipart framing around the largest file allowed.
const FRAMING_BYTES = 64 * 1024;

/**
 * A multipart form with at most one file. Unlike JSON, a multipart POST needs no CORS preflight, so a
 * request another site's page made the browser send (Sec-Fetch-Site: cross-site) is refused outright.
 */
export async function readUpload(request: Request, maxFileBytes: number, tooLarge: string): Promise<Upload> {
  if (request.headers.get('sec-fetch-site') === 'cross-site') throw new DomainError('FORBIDDEN', '不接受来自其他网站的请求');
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new DomainError('VALIDATION_FAILED', '请求内容必须是表单上传（Content-Type: multipart/form-data）');
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxFileBytes + FRAMING_BYTES) throw new DomainError('VALIDATION_FAILED', tooLarge, { file: tooLarge });
  let form: FormData;
  try {
    form = await request.formData();
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
