import { useSignal } from "@preact/signals";
import type { Role } from "../../../src/schema/session";
import type { Account } from "../../../src/schema/users";
import { ApiFailure, mutate, mutateOnline } from "../../lib/api";
import { explain } from "../../lib/errors";
import { field } from "../../lib/form";
import { lang, t } from "../../i18n";
import { unitName, units } from "../../models/session";
import { FormError } from "../../components/form-error";
import { NewPasswordField } from "./password-field";

const ROLES: Role[] = ["admin", "editor", "viewer"];

function UnitSelect({ name, value }: { name: string; value?: string }) {
  return (
    <select name={name} required>
      {units.value.map((u) => (
        <option key={u.id} value={u.id} selected={u.id === value}>
          {lang.value === "en" ? u.nameEn : u.nameJa}
        </option>
      ))}
    </select>
  );
}

function RoleSelect({ name, value, disabled }: { name: string; value?: Role; disabled?: boolean }) {
  return (
    // `selected` (not a default value) so that a form reset comes back to it.
    <select name={name} disabled={disabled}>
      {ROLES.map((r) => (
        <option key={r} value={r} selected={r === (value ?? "editor")}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function CreateAccount({ onCreated }: { onCreated: (a: Account) => void }) {
  const message = useSignal<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    message.value = null;
    try {
      const email = field(data, "email").trim();
      const done = await mutateOnline("POST", "/api/users", {
        body: {
          login: field(data, "login").trim(),
          displayName: field(data, "displayName"),
          unitId: field(data, "unitId"),
          role: field<Role>(data, "role"),
          password: field(data, "password"),
          email: email || null,
        },
      });
      form.reset();
      onCreated(done.data);
    } catch (err) {
      message.value = explain(err);
    }
  }
  return (
    <details class="card">
      <summary>{t("accounts.create")}</summary>
      <form class="form-grid" onSubmit={submit} data-testid="create-account">
        <label>
          {t("accounts.login")}
          <input name="login" required autocomplete="off" pattern="[a-z0-9._\-]{2,64}" />
        </label>
        <label>
          {t("accounts.name")}
          <input name="displayName" required maxLength={100} />
        </label>
        <label>
          {t("accounts.unit")}
          <UnitSelect name="unitId" />
        </label>
        <label>
          {t("accounts.role")}
          <RoleSelect name="role" />
        </label>
        <label>
          {t("accounts.email")}
          <input name="email" type="email" autocomplete="off" />
        </label>
        <NewPasswordField name="password" label={t("accounts.firstPassword")} />
        <p class="muted">{t("password.online")}</p>
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("accounts.create")}
          </button>
        </div>
        <FormError message={message.value} />
      </form>
    </details>
  );
}

type Changed = (a: Account, message: string) => void;

/** One account: who, unit, role and state; its changes behind disclosure so the list stays calm. */
export function AccountCard({ account: a, own, onChanged }: { account: Account; own: boolean; onChanged: Changed }) {
  const message = useSignal<string | null>(null);
  const fail = (err: unknown) => {
    // Someone else changed it first: show what it is now, then say so.
    if (err instanceof ApiFailure && err.status === 409 && err.current) onChanged(err.current as Account, "");
    message.value = explain(err);
  };

  async function save(e: Event) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    message.value = null;
    const email = field(data, "email").trim();
    try {
      const body = {
        version: a.version,
        displayName: field(data, "displayName"),
        unitId: field(data, "unitId"),
        email: email || null,
        ...(own ? {} : { role: field<Role>(data, "role") }),
      };
      const done = await mutate("PATCH", "/api/users/:id", { param: { id: a.id }, body });
      onChanged(done.data, t("accounts.saved", { name: done.data.displayName }));
    } catch (err) {
      fail(err);
    }
  }

  async function setDisabled(disabled: boolean) {
    if (disabled && !confirm(t("accounts.confirmDisable", { name: a.displayName }))) return;
    message.value = null;
    try {
      const done = await mutate("PATCH", "/api/users/:id", { param: { id: a.id }, body: { version: a.version, disabled } });
      onChanged(done.data, t(disabled ? "accounts.disabledDone" : "accounts.enabledDone", { name: done.data.displayName }));
    } catch (err) {
      fail(err);
    }
  }

  async function reset(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    message.value = null;
    try {
      const done = await mutateOnline("POST", "/api/users/:id/password", {
        param: { id: a.id },
        body: { version: a.version, password: field(new FormData(form), "password") },
      });
      form.reset();
      onChanged(done.data, t("accounts.resetDone", { name: done.data.displayName }));
    } catch (err) {
      fail(err);
    }
  }

  return (
    <li class={`card acc-card${a.disabled ? " is-disabled" : ""}`} data-login={a.login}>
      <h3>
        {a.displayName}
        {own && <span class="muted"> {t("accounts.you")}</span>}
      </h3>
      <dl>
        <dt>{t("accounts.login")}</dt>
        <dd>{a.login}</dd>
        <dt>{t("accounts.unit")}</dt>
        <dd>{unitName(a.unitId)}</dd>
        <dt>{t("accounts.role")}</dt>
        <dd>{t(`role.${a.role}`)}</dd>
        <dt>{t("accounts.state")}</dt>
        <dd>
          <span class={`badge ${a.disabled ? "warn" : "ok"}`}>{t(a.disabled ? "accounts.disabled" : "accounts.active")}</span>
        </dd>
      </dl>
      <details>
        <summary>{t("accounts.edit")}</summary>
        <form class="form-grid" onSubmit={save}>
          <label>
            {t("accounts.name")}
            <input name="displayName" required maxLength={100} defaultValue={a.displayName} />
          </label>
          <label>
            {t("accounts.unit")}
            <UnitSelect name="unitId" value={a.unitId} />
          </label>
          <label>
            {t("accounts.role")}
            <RoleSelect name="role" value={a.role} disabled={own} />
          </label>
          <label>
            {t("accounts.email")}
            <input name="email" type="email" defaultValue={a.email ?? ""} autocomplete="off" />
          </label>
          {own && <p class="muted">{t("accounts.ownNote")}</p>}
          <div class="actions">
            <button class="btn btn-primary" type="submit">
              {t("accounts.save")}
            </button>
          </div>
        </form>
      </details>
      <details>
        <summary>{t("accounts.reset")}</summary>
        <form class="form-grid" onSubmit={reset}>
          <NewPasswordField name="password" label={t("accounts.resetField")} />
          <div class="actions">
            <button class="btn btn-warn" type="submit">
              {t("accounts.reset")}
            </button>
          </div>
        </form>
      </details>
      {!own && (
        <div class="acc-actions">
          {a.disabled ? (
            <button class="btn" type="button" onClick={() => setDisabled(false)}>
              {t("accounts.enable")}
            </button>
          ) : (
            <button class="btn btn-danger" type="button" onClick={() => setDisabled(true)}>
              {t("accounts.disable")}
            </button>
          )}
        </div>
      )}
      <FormError message={message.value} />
    </li>
  );
}
