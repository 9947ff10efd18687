/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";

/*
 * The console's service worker. At install it stores the whole app shell and every lazy chunk
 * (the list Vite's build injects), so a console opened once opens again with no network; on update
 * it deletes the caches of older builds. The API's last answers are kept for offline use; writes
 * never are (they wait in the outbox, web/lib/outbox.ts).
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const API_CACHE = "keizoku-api";
const FONT_CACHE = "keizoku-fonts";

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once, so what it reads from then on is kept for offline.
clientsClaim();

// Every screen of the console is the one page; offline it comes from the precache.
registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html"), { denylist: [/^\/api\//] }));

// Japanese glyph slices load only on devices without a Japanese font, and only the slices a
// screen uses: kept once fetched, never precached (the shell would be several MB).
// The same goes for the list of slices (fonts-*.css, ~240 KB before compression).
const isFont = (url: URL) => url.pathname.endsWith(".woff2") || /^\/assets\/fonts-[\w-]+\.css$/.test(url.pathname);
registerRoute(({ url }) => url.origin === self.location.origin && isFont(url), new CacheFirst({ cacheName: FONT_CACHE }));

/** Reads the console shows offline: the last answer the server gave this device. */
function cachedRead({ url, request }: { url: URL; request: Request }) {
  return (
    url.origin === self.location.origin &&
    url.pathname.startsWith("/api/") &&
    request.method === "GET" &&
    !url.pathname.endsWith("/live") &&
    request.headers.get("Upgrade") === null
  );
}

registerRoute(
  cachedRead,
  new NetworkFirst({
    cacheName: API_CACHE,
    plugins: [
      {
        // Only successful answers are kept; a 401 means the session is over on this device, so
        // nothing of it may be shown offline any more.
        cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
        fetchDidSucceed: async ({ response }) => {
          if (response.status === 401) await caches.delete(API_CACHE);
          return response;
        },
      },
    ],
  }),
);

self.addEventListener("message", (event) => {
  // Signing out forgets every cached answer, so the next person on a shared tablet sees nothing of it.
  if (event.data === "forget-api") event.waitUntil(caches.delete(API_CACHE));
  // The person chose to load the new version (「新しい版があります」).
  if (event.data?.type === "SKIP_WAITING") void self.skipWaiting();
});
