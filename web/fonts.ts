/*
 * The bundled Japanese font, for devices without one of their own (a Linux wall screen; the entry
 * checks, web/japanese-font.ts). Loaded after the first paint, off the entry: it is only a declaration of unicode-range slices (the
 * glyphs themselves are fetched slice by slice, only when no font of the device has them, and kept
 * by the service worker as they are used). The build rewrites these files: scripts/vite/japanese-font.ts.
 */
// Regular and bold: the build writes the bold slices beside the regular ones.
import "@fontsource/noto-sans-jp/400.css";

// Slices fetched before the service worker took this page over (the very first visit) went past it;
// fetching them again through it keeps them for offline, from the browser's HTTP cache.
function keepFetchedFonts() {
  for (const e of performance.getEntriesByType("resource")) if (/\.woff2$|\/assets\/fonts-[\w-]+\.css$/.test(e.name)) void fetch(e.name).catch(() => {});
}
if ("serviceWorker" in navigator && !navigator.serviceWorker.controller) navigator.serviceWorker.addEventListener("controllerchange", keepFetchedFonts, { once: true });
