import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderPolicyPdf } from './render-policy-pdf';
import { installRestructureSpeedups } from './restructure-speedups';
import { samplePolicyDocument } from './testing/sample-policy-document';

describe('the faster restructure encoders', () => {
  it('write a policy byte for byte as restructure itself does, and are in place in the copy fontkit uses', async () => {
    const restructure = createRequire(import.meta.url)('restructure') as { uint8: { encode: unknown } };
    const encodeBefore = Object.getPrototypeOf(restructure.uint8).encode;
    // This file's own process: nothing has installed them yet, so this render (pdfkit's own way, which
    // does not install them) is restructure's own encoding.
    const reference = await renderPolicyPdf(samplePolicyDocument, { shareFont: false });
    expect(Object.getPrototypeOf(restructure.uint8).encode).toBe(encodeBefore);
    installRestructureSpeedups();
    expect(Object.getPrototypeOf(restructure.uint8).encode).not.toBe(encodeBefore);
    const faster = await renderPolicyPdf(samplePolicyDocument, { shareFont: false });
    expect(Buffer.compare(Buffer.from(faster), Buffer.from(reference))).toBe(0);
    installRestructureSpeedups();
    expect(Buffer.compare(Buffer.from(await renderPolicyPdf(samplePolicyDocument)), Buffer.from(reference))).toBe(0);
  }, 60_000);
});
