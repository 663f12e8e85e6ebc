import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { publishFormVersion } from '@/lib/forms/publish-form-version';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';

type Context = { params: Promise<{ id: string }> };

export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await publishFormVersion(await getDb(), actor, id, await readJsonBody(request)));
  });
}
