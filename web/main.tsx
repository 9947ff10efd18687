import { render } from "preact";
import { registerSW } from "virtual:pwa-register";
import { App } from "./app";
import { waitingUpdate } from "./components/update-prompt";
import { lang } from "./i18n";
import { deviceDrawsJapanese } from "./japanese-font";
import { restoreSession } from "./models/session";
import "./styles.css";

document.documentElement.lang = lang.value;
render(<App />, document.getElementById("app")!);
void restoreSession();
// Japanese glyphs for devices that have no Japanese font of their own (a Linux wall screen).
if (!deviceDrawsJapanese()) void import("./fonts");

// The built console works offline from this device's cache; the dev server is left alone.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  const update = registerSW({ immediate: true, onNeedRefresh: () => (waitingUpdate.value = () => void update(true)) });
}
