import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { findDroppedFields } from '@/lib/forms/find-dropped-fields';
import { handleApi } from '@/lib/http/error-response';

type Context = { params: Promise<{ id: string }> };

/** Before publishing: the fields of the form in force that this draft drops, and the orders holding them. */
export function GET(_request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await findDroppedFields(await getDb(), actor, id));
  });
}
