import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { resourceCommand, runCommand } from '@/lib/back-office/run-command';
import { backOfficeResource } from '@/lib/back-office/resource-registry';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { readUpload } from '@/lib/http/read-upload';

type Context = { params: Promise<{ resource: string; id: string; command: string }> };

/** A record's command (approve, void, publish, …): a JSON body, or a multipart form for one with a file. */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { resource: name, id, command } = await params;
    const resource = backOfficeResource(name);
    const { upload } = resourceCommand(resource, command);
    const input = upload
      ? await readUpload(request, upload.maxBytes, upload.tooLarge).then(({ fields, file }) => ({ body: fields, file }))
      : { body: await readJsonBody(request) };
    return Response.json(await runCommand(await getDb(), actor, resource, id, command, input));
  });
}
