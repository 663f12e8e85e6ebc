import { readFileSync } from 'node:fs';

/**
 * Sent with every response, static files included; the per-request Content-Security-Policy is added by
 * proxy.ts. Framing is refused twice (here and by CSP frame-ancestors) for browsers that know only one.
 * A JSON file, because the server's own path for the bank's webhook (scripts/start-server.ts) sends them too.
 */
const securityHeaders = JSON.parse(readFileSync(new URL('./lib/http/static-security-headers.json', import.meta.url), 'utf8'));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files, and pdfkit its built-in font metrics, from their own
  // package directories at run time, so they must be required from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pdfkit', 'piscina'],
  // A second build beside the usual one (e.g. two branches' browser tests on one machine) needs its own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` refuses its development resources (and so hydration) to any origin but `localhost`
  // unless listed; people open http://127.0.0.1:3000 as often.
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The bank's webhook skips proxy.ts (see its matcher), so its policy — lib/http/content-security-policy.ts's
      // API_CONTENT_SECURITY_POLICY, which e2e/security-headers.spec.ts holds this to — is set here (`npm run dev`;
      // `npm start` answers the webhook itself, lib/payments/serve-bank-webhook.ts).
      {
        source: '/api/bank/transfers',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ];
  },
};

export default nextConfig;
