/** Error thrown by callApi: carries the server's stable code and Chinese message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** JSON calls to the back office's own endpoints that are not react-admin resources (publish, simulate, …). */
export async function callApi<T>(url: string, init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new ApiError(body.message ?? `请求失败（${response.status}）`, body.code ?? 'INTERNAL', response.status);
  return body as T;
}
