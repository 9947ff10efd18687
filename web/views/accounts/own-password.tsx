import { useSignal } from "@preact/signals";
import { ApiFailure, mutateOnline } from "../../lib/api";
import { explain } from "../../lib/errors";
import { field } from "../../lib/form";
import { t } from "../../i18n";
import { FormError } from "../../components/form-error";
import { NewPasswordField } from "./password-field";

/** Everyone's own password: the current one proves it is them; other devices' sign-ins end. */
export function OwnPassword() {
  const message = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    message.value = null;
    done.value = null;
    if (field(data, "newPassword") !== field(data, "again")) {
      message.value = t("password.mismatch");
      return;
    }
    try {
      await mutateOnline("PUT", "/api/session/password", {
        body: { currentPassword: field(data, "currentPassword"), newPassword: field(data, "newPassword") },
      });
      form.reset();
      done.value = t("password.changed");
    } catch (err) {
      message.value = err instanceof ApiFailure && err.code === "wrong_password" ? t("password.wrong") : explain(err);
    }
  }
  return (
    <section class="card acc-password" aria-labelledby="pw-title">
      <h2 id="pw-title">{t("password.title")}</h2>
      <p class="muted">{t("password.help")}</p>
      <form class="form-grid" onSubmit={submit} data-testid="own-password">
        <label>
          {t("password.current")}
          <input name="currentPassword" type="password" required autocomplete="current-password" />
        </label>
        <NewPasswordField name="newPassword" label={t("password.new")} />
        <NewPasswordField name="again" label={t("password.again")} />
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("password.change")}
          </button>
        </div>
        <p role="status">{done.value}</p>
        <FormError message={message.value} />
      </form>
    </section>
  );
}
