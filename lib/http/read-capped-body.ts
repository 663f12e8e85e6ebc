import { DomainError } from '@/lib/errors/domain-error';

/**
 * The request body's bytes, never more than `maxBytes` of them in memory: a declared Content-Length over
 * the cap is refused before anything is read, and a body that turns out longer (chunked, or lying about
 * its length) is refused as soon as the cap is passed, and the rest is never pulled from the client.
 * Every way a body is read (JSON, CSV, multipart, a bank's notification) goes through here.
 */
export async function readCappedBody(request: Request, maxBytes: number, tooLarge = defaultMessage(maxBytes)): Promise<Uint8Array> {
  const refuse = () => new DomainError('PAYLOAD_TOO_LARGE', tooLarge);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw refuse();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Stops the client's upload here; what it already sent is dropped with the chunks.
        await reader.cancel().catch(() => {});
        throw refuse();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION_FAILED', '请求内容未能完整接收，请重试');
  } finally {
    reader.releaseLock();
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function defaultMessage(maxBytes: number): string {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${Math.floor(maxBytes / 1024)} KB`;
  return `请求内容过大（不能超过 ${limit}）`;
}
