import { signal } from "@preact/signals";
import { t } from "../i18n";

/** Set once a new build has installed and waits: calling it loads the new version. */
export const waitingUpdate = signal<(() => void) | null>(null);

/**
 * 「新しい版があります」: a new build never replaces the running one by itself (a form half
 * filled in must not vanish); the person loads it when ready.
 */
export function UpdatePrompt() {
  const update = waitingUpdate.value;
  if (!update) return null;
  return (
    <div class="update-prompt card" role="status">
      <span>{t("update.available")}</span>
      <button class="btn btn-primary" onClick={update}>
        {t("update.load")}
      </button>
      <button class="btn btn-quiet" onClick={() => (waitingUpdate.value = null)}>
        {t("update.later")}
      </button>
    </div>
  );
}
