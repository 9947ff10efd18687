import { useState } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import type { Incident } from "../../../src/schema/incidents";
import type { Me } from "../../../src/schema/session";
import { explain } from "../../lib/errors";
import { formatDuration, t } from "../../i18n";
import { changeIncident } from "../../models/incidents";

/** Choices the HQ picks from; the stored value is shown even when it is none of them. */
const CHOICES = [15, 30, 60, 90, 120, 180, 360, 720];

/**
 * How long a participating unit may stay silent before the attention queue names it: the
 * incident's own setting, changed by the leading unit (a logged change of the incident).
 */
export function SilentSetting({ incident: i, me }: { incident: Incident; me: Me }) {
  const [error, setError] = useState<string | null>(null);
  const mayEdit = mayWriteForUnit(me, i.leadUnitId) && i.status !== "closed";
  const choices = CHOICES.includes(i.silentMinutes) ? CHOICES : [...CHOICES, i.silentMinutes].sort((a, b) => a - b);
  return (
    <label class="silent-setting">
      {t("overview.silent.label")}
      <select
        name="silentMinutes"
        value={String(i.silentMinutes)}
        disabled={!mayEdit}
        onChange={async (e) => {
          setError(null);
          try {
            await changeIncident(i.id, { version: i.version, silentMinutes: Number(e.currentTarget.value) });
          } catch (err) {
            setError(explain(err));
          }
        }}
      >
        {choices.map((m) => (
          <option key={m} value={String(m)}>
            {t("overview.silent.option", { span: formatDuration(m * 60_000) })}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </label>
  );
}
