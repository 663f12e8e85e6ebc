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

/**
 * A record's command through the back office's one convention, POST /api/admin/<resource>/<id>/<command>:
 * a JSON body, or a FormData for a command that takes a file. Answers the record as it now is.
 */
export async function callCommand<T = unknown>(resource: string, id: string | number, command: string, body: unknown = {}): Promise<T> {
  const url = `/api/admin/${resource}/${encodeURIComponent(String(id))}/${command}`;
  if (!(body instanceof FormData)) return callApi<T>(url, { method: 'POST', body });
  const response = await fetch(url, { method: 'POST', body });
  const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new ApiError(answer.message ?? `请求失败（${response.status}）`, answer.code ?? 'INTERNAL', response.status);
  return answer as T;
}
