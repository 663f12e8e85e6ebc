/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files, and pdfkit its built-in font metrics, from their own
  // package directories at run time, so they must be required from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pdfkit'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
