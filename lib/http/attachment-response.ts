/**
 * A file for the browser to save (a PDF here). The name goes in RFC 5987 form so Chinese survives, and
 * the response is never cached by anything between us and the person it was authorized for.
 */
export function attachmentResponse(file: { fileName: string; content: Uint8Array }, contentType = 'application/pdf'): Response {
  const asciiFallback = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
