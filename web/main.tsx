import { render } from "preact";
import { App } from "./app";
import { lang } from "./i18n";
import { restoreSession } from "./models/session";
import "./styles.css";

document.documentElement.lang = lang.value;
render(<App />, document.getElementById("app")!);
void restoreSession();

// The built console works offline from this device's cache; the dev server is left alone.
if (import.meta.env.PROD && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js");
