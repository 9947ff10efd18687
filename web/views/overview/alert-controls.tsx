import { useEffect } from "preact/hooks";
import { t } from "../../i18n";
import { alertFor, alertPrefs, setMuted, setNotify, setSound, titleWith } from "./alerts";
import type { OverviewModel } from "./model";

/** Alerts follow the overview while it is shown: sound/notification/vibration on arrival, count in the title. */
export function useAlerts(model: OverviewModel) {
  useEffect(() => model.onArrival((fresh) => alertFor(fresh, model.counts.peek().total)), [model]);
  const counts = model.counts.value;
  const base = t("app.name");
  useEffect(() => {
    document.title = titleWith(base, counts);
    return () => void (document.title = base);
  }, [counts.total, counts.urgent, alertPrefs.value.muted, base]);
}

export function AlertControls() {
  const p = alertPrefs.value;
  const denied = typeof Notification !== "undefined" && Notification.permission === "denied";
  return (
    <div class="alert-controls" role="group" aria-label={t("alerts.label")}>
      <button class="btn" aria-pressed={p.sound} disabled={p.muted} onClick={() => setSound(!p.sound)}>
        {t(p.sound ? "alerts.soundOn" : "alerts.soundOff")}
      </button>
      <button class="btn" aria-pressed={p.notify} disabled={p.muted || denied} title={denied ? t("alerts.notifyDenied") : undefined} onClick={() => void setNotify(!p.notify)}>
        {t(p.notify ? "alerts.notifyOn" : "alerts.notifyOff")}
      </button>
      <button class={`btn ${p.muted ? "btn-warn" : ""}`} aria-pressed={p.muted} onClick={() => setMuted(!p.muted)}>
        {p.muted ? t("alerts.unmute") : t("alerts.mute")}
      </button>
    </div>
  );
}
