// A render thread of the policy pool (render-off-thread.ts). Plain JavaScript, because a worker thread is
// started from a file on disk, outside the bundler; it loads the TypeScript renderer through tsx, the
// same way `npm start` runs. The font is parsed once per thread (policy-font-face.ts).
import { register } from 'tsx/esm/api';

register();
const { renderPolicyPdf } = await import('../render-policy-pdf.ts');
const { lowerRenderThreadPriority } = await import('./lower-thread-priority.ts');
lowerRenderThreadPriority();

/** @param {import('../policy-document').PolicyDocument} document */
export default function renderInThread(document) {
  return renderPolicyPdf(document);
}
