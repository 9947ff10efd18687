import { effect, signal } from "@preact/signals";
import type { AttentionEntry } from "../../../src/domain/attention";
import { localized, t } from "../../i18n";

/** Per device: sound and notifications are off until a person turns them on; one switch mutes everything. */
export type AlertPrefs = { sound: boolean; notify: boolean; muted: boolean };

const KEY = "keizoku.alerts";
/** At most one alert in this span, however many things arrive at once. */
export const ALERT_GAP_MS = 5_000;

function loadPrefs(): AlertPrefs {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<AlertPrefs>;
    return { sound: p.sound === true, notify: p.notify === true, muted: p.muted === true };
  } catch {
    return { sound: false, notify: false, muted: false };
  }
}

export const alertPrefs = signal<AlertPrefs>(typeof localStorage === "undefined" ? { sound: false, notify: false, muted: false } : loadPrefs());
effect(() => {
  if (typeof localStorage !== "undefined") localStorage.setItem(KEY, JSON.stringify(alertPrefs.value));
});

let audio: AudioContext | null = null;
let lastAlertAt = 0;

export function setSound(on: boolean) {
  // Created inside the click that turns sound on, so the browser lets it play later.
  if (on) {
    audio ??= new AudioContext();
    void audio.resume();
  }
  alertPrefs.value = { ...alertPrefs.value, sound: on };
}

export async function setNotify(on: boolean) {
  if (on && typeof Notification !== "undefined" && Notification.permission !== "granted") await Notification.requestPermission();
  const allowed = typeof Notification !== "undefined" && Notification.permission === "granted";
  alertPrefs.value = { ...alertPrefs.value, notify: on && allowed };
}

export const setMuted = (muted: boolean) => (alertPrefs.value = { ...alertPrefs.value, muted });

/** Two short tones, made in the browser (no sound file to fetch, works offline). */
function chime() {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.25, start + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.25 + 0.22);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + i * 0.25);
    osc.stop(start + i * 0.25 + 0.23);
  }
}

/** What earns an alert: anything 至急, and things that just became overdue or late. */
export const isAlerting = (e: AttentionEntry) => e.rank === 0 || e.kind === "overdue_item" || e.kind === "late_function";

/** Sound, notification and vibration for newly arrived entries, rate-limited; nothing when muted. */
export function alertFor(fresh: readonly AttentionEntry[], total: number, at = Date.now()): boolean {
  const loud = fresh.filter(isAlerting);
  const prefs = alertPrefs.value;
  if (loud.length === 0 || prefs.muted || at - lastAlertAt < ALERT_GAP_MS) return false;
  lastAlertAt = at;
  const first = loud[0]!;
  const line = t(first.rank === 0 ? "alerts.newUrgent" : "alerts.newOverdue", { subject: localized(first.subject, first.subjectEn) || t(`overview.kind.${first.kind}`) });
  if (prefs.sound) chime();
  if (prefs.notify && typeof Notification !== "undefined" && Notification.permission === "granted") {
    new Notification(t("alerts.notificationTitle", { n: total }), { body: line, tag: "keizoku-attention" });
  }
  navigator.vibrate?.([200, 100, 200]);
  return true;
}

/** The page title carries the count, unless muted: "(3・至急1) …". */
export function titleWith(base: string, counts: { total: number; urgent: number }): string {
  if (alertPrefs.value.muted || counts.total === 0) return base;
  return `(${counts.total}${counts.urgent > 0 ? `・${t("overview.rank.0")}${counts.urgent}` : ""}) ${base}`;
}
