import { DomainError } from '@/lib/errors/domain-error';
import { fromDatabaseError } from '@/lib/errors/from-database-error';

/**
 * The JSON every failed API call answers with. `errors` follows react-admin's server-side validation
 * shape, so field messages appear beside the fields and `root.serverError` as the form's message.
 */
export function errorResponse(error: unknown): Response {
  const domain = error instanceof DomainError ? error : fromDatabaseError(error);
  if (domain) {
    return Response.json(
      {
        code: domain.code,
        message: domain.message,
        errors: { ...domain.fieldErrors, root: { serverError: domain.message } },
      },
      { status: domain.status },
    );
  }
  console.error(error);
  return Response.json({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }, { status: 500 });
}

/** Runs a route handler's work and answers any failure with errorResponse. */
export async function handleApi(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
