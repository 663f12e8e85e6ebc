import fs from 'node:fs';
import os from 'node:os';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { renderPolicyPdf } from '../render-policy-pdf';
import { samplePolicyDocument as sample } from '../testing/sample-policy-document';
import { renderThreadNice } from './lower-thread-priority';
import { closePolicyRenderPool, policyRenderThreads, renderPolicyPdfOffThread } from './render-off-thread';


describe('rendering policies on the render threads', () => {
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => closePolicyRenderPool());

  it('gives the bytes the renderer gives on the calling thread', async () => {
    vi.stubEnv('POLICY_RENDER_THREADS', '1');
    const [onThread, again] = await Promise.all([renderPolicyPdfOffThread(sample), renderPolicyPdfOffThread(sample)]);
    const here = await renderPolicyPdf(sample);
    expect(Buffer.from(onThread).equals(Buffer.from(here))).toBe(true);
    expect(Buffer.from(again).equals(Buffer.from(here))).toBe(true);
  }, 60_000);

  it('reads the font configuration as the process has it now, and says what to set', async () => {
    vi.stubEnv('POLICY_RENDER_THREADS', '1');
    await renderPolicyPdfOffThread(sample);
    vi.stubEnv('POLICY_FONT_PATH', '/nonexistent/font.ttc');
    await expect(renderPolicyPdfOffThread(sample)).rejects.toThrow(/POLICY_FONT_PATH/);
  }, 60_000);

  it('takes the number of threads from POLICY_RENDER_THREADS and refuses nonsense', () => {
    expect(policyRenderThreads({ POLICY_RENDER_THREADS: '0' })).toBe(0);
    expect(policyRenderThreads({ POLICY_RENDER_THREADS: '3' })).toBe(3);
    expect(policyRenderThreads({})).toBeGreaterThanOrEqual(1);
    expect(() => policyRenderThreads({ POLICY_RENDER_THREADS: 'two' })).toThrow(/POLICY_RENDER_THREADS/);
    expect(() => policyRenderThreads({ POLICY_RENDER_THREADS: '-1' })).toThrow(/POLICY_RENDER_THREADS/);
  });
});

describe('the render threads\' priority', () => {
  afterAll(() => closePolicyRenderPool());

  it('is below the request thread\'s, as POLICY_RENDER_NICE says, and the setting is checked', async () => {
    expect(renderThreadNice({})).toBe(19);
    expect(renderThreadNice({ POLICY_RENDER_NICE: '5' })).toBe(5);
    expect(() => renderThreadNice({ POLICY_RENDER_NICE: '-5' })).toThrow(/POLICY_RENDER_NICE/);
    expect(() => renderThreadNice({ POLICY_RENDER_NICE: 'low' })).toThrow(/POLICY_RENDER_NICE/);
    if (!fs.existsSync('/proc/thread-self')) return; // not Linux: the threads keep the process's priority
    // The thread's own nice value, as the kernel reports it per thread.
    const niceOf = (tid: string) => Number(fs.readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const before = new Set(fs.readdirSync(`/proc/${process.pid}/task`));
    vi.stubEnv('POLICY_RENDER_THREADS', '1');
    await closePolicyRenderPool();
    await renderPolicyPdfOffThread(sample);
    const lowered = fs.readdirSync(`/proc/${process.pid}/task`).filter((tid) => !before.has(tid) && niceOf(tid) === 19);
    expect(lowered.length).toBeGreaterThanOrEqual(1);
    expect(niceOf(String(process.pid))).toBe(os.getPriority());
  }, 60_000);
});
