import { ApiFailure } from "./http";
import { t } from "../i18n";

/** What to tell a person about a failed write, in their language. */
export function explain(err: unknown): string {
  if (!(err instanceof ApiFailure)) return t("error.generic", { message: String(err) });
  if (err.code === "queued") return t("error.queued");
  if (err.offline) return t("error.offline");
  if (err.code === "incident_closed") return t("error.closed");
  if (err.status === 409) return t("error.conflict");
  if (err.status === 403) return t("error.forbidden");
  if (err.status === 400) return `${t("error.invalid")} ${err.fields.map((f) => `${f.path}: ${f.message}`).join(" / ")}`;
  return t("error.generic", { message: err.message });
}
