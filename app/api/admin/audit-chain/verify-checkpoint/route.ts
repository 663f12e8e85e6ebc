import type { NextRequest } from 'next/server';
import { verifyCheckpointAs } from '@/lib/audit/audit-checkpoint';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';

/** 核对检查点: the chain verified against a checkpoint kept outside (detects rows cut from the end). */
export function POST(request: NextRequest) {
  return handleApi(async () => Response.json(await verifyCheckpointAs(await getDb(), await requireActor(), await readJsonBody(request))));
}
