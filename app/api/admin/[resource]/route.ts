import type { NextRequest } from 'next/server';
import { createRecord } from '@/lib/back-office/create-record';
import { parseListParams } from '@/lib/back-office/list-params';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { listResponse } from '@/lib/http/simple-rest';

type Context = { params: Promise<{ resource: string }> };

export function GET(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const resource = backOfficeResource((await params).resource);
    const list = parseListParams(request.nextUrl.searchParams, resource.defaultSort);
    return listResponse(resource.name, list, await listRecords(await getDb(), actor, resource, list));
  });
}

export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const resource = backOfficeResource((await params).resource);
    const record = await createRecord(await getDb(), actor, resource, await readJsonBody(request));
    return Response.json(record, { status: 201 });
  });
}
