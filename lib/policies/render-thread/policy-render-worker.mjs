// A render thread of the policy pool (render-off-thread.ts). Plain JavaScript, because a worker thread is
// started from a file on disk, outside the bundler; it loads the TypeScript renderer through tsx, the
// same way `npm start` runs. The thread lowers its priority before anything else, so that loading the
// renderer and parsing the font (once per thread, policy-font-face.ts) never take a core from requests.
import { register } from 'tsx/esm/api';

register();
const { lowerRenderThreadPriority } = await import('./lower-thread-priority.ts');
lowerRenderThreadPriority();
const { renderPolicyPdf } = await import('../render-policy-pdf.ts');
const [{ resolvePolicyFont }, { preparePolicyFontFace }] = await Promise.all([import('../policy-font.ts'), import('../policy-font-face.ts')]);
try {
  preparePolicyFontFace(resolvePolicyFont());
} catch {
  // A font that cannot be used is reported where it matters: each render fails with the reason, and is retried.
}

/** @param {import('../policy-document').PolicyDocument} document */
export default function renderInThread(document) {
  return renderPolicyPdf(document);
}
