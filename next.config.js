/**
 * Sent with every response, static files included; the per-request Content-Security-Policy is added by
 * proxy.ts. Framing is refused twice (here and by CSP frame-ancestors) for browsers that know only one.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

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
      // API_CONTENT_SECURITY_POLICY, which e2e/security-headers.spec.ts holds this to — is set here.
      {
        source: '/api/bank/transfers',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
    ];
  },
};

export default nextConfig;
