/**
 * A fetch that keeps the server's session cookie, as a browser does for a same-site server: Node's
 * fetch keeps none. One per device, so each device has its own session.
 */
export function cookieFetch(): typeof fetch & { signOut(): void } {
  let cookie: string | null = null;
  const send = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    // CouchDB renews the cookie as it is used, on any answer.
    const renewed = response.headers.getSetCookie().find((line) => line.startsWith('AuthSession='));
    if (renewed) cookie = renewed.split(';')[0] ?? null;
    return response;
  };
  return Object.assign(send, {
    signOut() {
      cookie = null;
    },
  });
}
