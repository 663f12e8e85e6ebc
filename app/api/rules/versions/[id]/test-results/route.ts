import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { testRuleVersion } from '@/lib/rules/test-rule-version';

type Context = { params: Promise<{ id: string }> };

/** The version as stored. */
export function GET(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await testRuleVersion(await getDb(), actor, id));
  });
}

/** 运行: the document being edited on the version, before it is saved (`{ document }`). */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await testRuleVersion(await getDb(), actor, id, await readJsonBody(request)));
  });
}
