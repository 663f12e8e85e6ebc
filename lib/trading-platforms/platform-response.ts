import { DomainError } from '@/lib/errors/domain-error';
import { fromDatabaseError } from '@/lib/errors/from-database-error';

/** The interface's answer: `{ code: "OK" | <STABLE_ERROR_CODE>, message: <Chinese>, data }`. */
export function platformOk(data: unknown, message = '成功'): Response {
  return Response.json({ code: 'OK', message, data });
}

export async function handlePlatformApi(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const domain = error instanceof DomainError ? error : fromDatabaseError(error);
    if (domain) {
      return Response.json({ code: domain.code, message: domain.message, data: domain.fieldErrors ? { errors: domain.fieldErrors } : null }, { status: domain.status });
    }
    console.error(error);
    return Response.json({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试', data: null }, { status: 500 });
  }
}
