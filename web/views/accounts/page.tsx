import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { mayManageAccounts } from "../../../src/domain/access";
import type { Account } from "../../../src/schema/users";
import { getAllPages } from "../../lib/api";
import { explain } from "../../lib/errors";
import { t } from "../../i18n";
import type { PageProps } from "../areas";
import { AccountCard, CreateAccount } from "./account-forms";
import { OwnPassword } from "./own-password";
import "./accounts.css";

/** /accounts: administrators manage every account; everyone changes their own password. */
export default function AccountsPage({ me }: PageProps) {
  return (
    <div class="acc">
      {mayManageAccounts(me) && <AccountAdmin meId={me.id} />}
      <OwnPassword />
    </div>
  );
}

function AccountAdmin({ meId }: { meId: string }) {
  const accounts = useSignal<Account[] | null>(null);
  const error = useSignal<string | null>(null);
  const notice = useSignal<string | null>(null);
  const load = () =>
    getAllPages("/api/users")
      .then((r) => (accounts.value = r.items))
      .catch((e) => (error.value = explain(e)));
  useEffect(() => void load(), []);

  /** A changed account replaces its old self in the list, and says what happened. */
  const changed = (account: Account, message: string) => {
    const list = accounts.value ?? [];
    accounts.value = list.some((a) => a.id === account.id) ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account];
    notice.value = message;
  };

  return (
    <section aria-labelledby="acc-title">
      <h1 id="acc-title">{t("accounts.title")}</h1>
      <p class="muted">{t("accounts.help")}</p>
      <p role="status" class={notice.value ? "acc-notice" : undefined}>
        {notice.value}
      </p>
      <CreateAccount onCreated={(a) => changed(a, t("accounts.created", { name: a.displayName }))} />
      {error.value && <p class="error">{error.value}</p>}
      {!accounts.value ? (
        !error.value && <p class="muted">{t("loading")}</p>
      ) : (
        <>
          <h2>{t("accounts.list", { n: accounts.value.length })}</h2>
          <ul class="acc-list">
            {/* Disabled accounts after the active ones: the list is for the people at work. */}
            {[...accounts.value]
              .sort((a, b) => Number(a.disabled) - Number(b.disabled))
              .map((a) => (
                <AccountCard key={a.id} account={a} own={a.id === meId} onChanged={changed} />
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
