'use server';

import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { approveJoinRequest } from '@/lib/enterprises/join-requests/approve-join-request';
import { rejectJoinRequest } from '@/lib/enterprises/join-requests/reject-join-request';
import { runAction } from '@/lib/http/run-action';

/** 同意加入 */
export async function approveJoin(requestId: unknown) {
  return runAction(async () => {
    await approveJoinRequest(await getDb(), await requireActor(), requestId);
  });
}

/** 拒绝 (with a reason) */
export async function rejectJoin(requestId: unknown, input: unknown) {
  return runAction(async () => rejectJoinRequest(await getDb(), await requireActor(), requestId, input));
}
