// The JSON API. Errors come back as {error: {code, message, fields}}.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || 'Не удалось выполнить запрос. Попробуйте ещё раз.');
    this.status = status;
    this.code = body?.error?.code || 'unknown';
    this.fields = body?.error?.fields || {};
  }
}

export async function api(method, path, body) {
  const init = { method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, { error: { message: 'Нет связи с порталом. Проверьте подключение к интернету.' } });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
