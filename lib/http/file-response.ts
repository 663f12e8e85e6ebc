/** A download: the Chinese file name survives in every browser through RFC 6266's filename*. */
export function fileResponse(file: { fileName: string; contentType: string; body: Uint8Array }): Response {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return new Response(Buffer.from(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.body.byteLength),
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
