import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

/**
 * The browser-side defences on every response: API answers from the worker and the console's
 * static assets alike (those are served without the worker, so the build writes the same list into
 * the assets' `_headers` file). No inline script and no eval are allowed; the console is never framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Map tiles come from GSI (地理院タイル); the favicon is a data: URL.
  "img-src 'self' data: blob: https://cyberjapandata.gsi.go.jp",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The `_headers` file for Workers static assets: the same headers on every asset path. */
export function assetHeadersFile(): string {
  return ["/*", ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`), ""].join("\n");
}

/**
 * Adds headers to the answer already made. Most answers' headers can still change, and are set in
 * place: a copy of the answer per header (what setting one on a finished context costs) was a
 * measurable share of a write's time. An answer passed through from elsewhere (a room's, a
 * replay's) has immutable headers and is copied once.
 */
export function addHeaders(c: Context, add: (headers: Headers) => void) {
  try {
    add(c.res.headers);
  } catch {
    const res = new Response(c.res.body, c.res);
    add(res.headers);
    c.res = undefined;
    c.res = res;
  }
}

/** Every worker response carries the headers (a WebSocket upgrade has no document to protect). */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status === 101) return;
  addHeaders(c, (headers) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  });
});
