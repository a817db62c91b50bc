/** A small JSON client for a runtime over real HTTP: status, parsed body, headers, raw bytes. */
export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export function client(base: string) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const init: RequestInit = { method, headers: { ...headers }, signal: AbortSignal.timeout(30_000) };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(base + path, init);
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: json, text, headers: res.headers };
  }
  async function bytes(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(base + path, { headers, signal: AbortSignal.timeout(30_000) });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  }
  return { call, bytes };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
