'use server';

import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { resubmitEnterprise } from '@/lib/enterprises/resubmit-enterprise';
import { runAction } from '@/lib/http/run-action';

/** 【重新提交认证】 with the corrected enterprise details. */
export async function resubmitForReview(input: unknown) {
  return runAction(async () => {
    await resubmitEnterprise(await getDb(), await requireActor(), input);
    revalidatePath('/');
  });
}
