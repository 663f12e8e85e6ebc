/**
 * The Content-Security-Policy of every page, with the request's nonce. Next.js reads the nonce back from
 * the request's own CSP header (proxy.ts) and puts it on the scripts it renders; 'strict-dynamic' lets those
 * scripts load the app's chunks, so no host list is needed and an injected <script> or inline handler never
 * runs.
 *
 * Two allowances, each because something the product needs cannot work without it:
 * - script-src 'unsafe-eval': ajv (the application forms' validator in the browser, via RJSF) compiles
 *   each JSON Schema into a function with `new Function`. An attacker would still need a script of ours to
 *   pass their text to eval, and ajv only ever compiles operator-published schemas.
 * - style-src 'unsafe-inline': MUI/emotion (react-admin), CodeMirror and RJSF insert <style> elements at
 *   run time and React renders style attributes; a nonce would cover neither attributes nor every library's
 *   own stylesheet cache. Styles cannot run code; the script policy is what stops XSS.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** JSON and file answers load nothing and are never framed. */
export const API_CONTENT_SECURITY_POLICY = `default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
