import type { ListParams } from '@/lib/back-office/list-params';
import type { ListResult } from '@/lib/back-office/resource-definition';

/** react-admin's simple REST list answer: the rows, and `Content-Range: name start-end/total`. */
export function listResponse(resource: string, params: ListParams, result: ListResult<unknown>): Response {
  const end = result.rows.length ? params.offset + result.rows.length - 1 : params.offset;
  return Response.json(result.rows, {
    headers: {
      'Content-Range': `${resource} ${params.offset}-${end}/${result.total}`,
      'Access-Control-Expose-Headers': 'Content-Range',
      'Cache-Control': 'no-store',
    },
  });
}
