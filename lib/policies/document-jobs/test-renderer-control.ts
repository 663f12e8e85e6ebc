import { z } from 'zod';
import { requireTestControlToken } from '@/lib/time/test-clock-control';
import { parseInput } from '@/lib/validation/parse-input';
import { pausePolicyDocumentRenderer } from './policy-document-renderer';

const inputSchema = z.object({ paused: z.boolean() });

/**
 * Browser tests only, with the same token as the test clock: holds policy rendering back so a journey can
 * see 保单生成中, then lets it go. Anywhere else the control does not exist.
 */
export function setTestRendererPaused(presentedToken: string | null, input: unknown): { paused: boolean } {
  requireTestControlToken(presentedToken);
  const { paused } = parseInput(inputSchema, input);
  pausePolicyDocumentRenderer(paused);
  return { paused };
}
