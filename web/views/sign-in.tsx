import { useState } from "preact/hooks";
import { ApiFailure } from "../lib/api";
import { t } from "../i18n";
import { signIn } from "../models/session";

export function SignIn() {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 429) {
        setError(t("signIn.throttled", { seconds: err.retryAfterSeconds ?? 60 }));
      } else if (err instanceof ApiFailure && err.offline) setError(t("signIn.offline"));
      else setError(t("signIn.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-h">
        <h1 id="sign-in-h">{t("signIn.title")}</h1>
        <p class="muted">{t("app.tagline")}</p>
        <label>
          {t("signIn.login")}
          <input name="login" autoComplete="username" required value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        </label>
        <label>
          {t("signIn.password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t("signIn.submit")}
        </button>
      </form>
    </main>
  );
}
