import type { NextRequest } from 'next/server';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { updateRecord } from '@/lib/back-office/update-record';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';

type Context = { params: Promise<{ resource: string; id: string }> };

export function GET(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { resource, id } = await params;
    return Response.json(await getRecord(await getDb(), actor, backOfficeResource(resource), id));
  });
}

export function PUT(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { resource, id } = await params;
    const body = await readJsonBody(request);
    return Response.json(await updateRecord(await getDb(), actor, backOfficeResource(resource), id, body));
  });
}

export function DELETE(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { resource, id } = await params;
    return Response.json(await deleteRecord(await getDb(), actor, backOfficeResource(resource), id));
  });
}
