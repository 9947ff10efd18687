import { signal } from "@preact/signals";
import checklists from "./checklists";
import core from "./core";
import drills from "./drills";
import drillsScore from "./drills-score";
import fields from "./fields";
import overview from "./overview";
import accounts from "./accounts";
import records from "./records";
import relocation from "./relocation";
import relocationSites from "./relocation-sites";
import { jstDate, jstInstant } from "./dates";

export type Lang = "ja" | "en";
type Catalogue = { ja: Record<string, string>; en: Record<string, string> };

const catalogues: Catalogue[] = [core, checklists, relocation, relocationSites, drills, drillsScore, overview, records, fields, accounts];
const merged = {
  ja: Object.assign({}, ...catalogues.map((c) => c.ja)) as Record<string, string>,
  en: Object.assign({}, ...catalogues.map((c) => c.en)) as Record<string, string>,
};

const stored = typeof localStorage !== "undefined" ? localStorage.getItem("keizoku.lang") : null;
/** Japanese first; English by the toggle, remembered on this device. */
export const lang = signal<Lang>(stored === "en" ? "en" : "ja");

export function setLang(next: Lang) {
  lang.value = next;
  localStorage.setItem("keizoku.lang", next);
  document.documentElement.lang = next;
}

/** A message by key, with {name} placeholders filled. Missing English falls back to Japanese. */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = merged[lang.value][key] ?? merged.ja[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;
}

/** An entity's own text in the reader's language: its English when set and chosen, else its Japanese. */
export const localized = (ja: string, en: string | null | undefined): string => (lang.value === "en" && en ? en : ja);

/** Whether a key exists, for optional labels (e.g. an enum value without its own message). */
export const has = (key: string) => key in merged.ja;

/** An instant in Japan time, always labelled JST so nobody reads it as their device's zone. */
export const formatJst = (iso: string, opts: { timeOnly?: boolean; short?: boolean } = {}): string => jstInstant(lang.value, iso, opts);

/** A calendar date (a due date "2026-12-01", or an instant's JST day): 2026年12月1日(火) / 1 Dec 2026. */
export const formatDate = (dateOrIso: string): string => jstDate(lang.value, dateOrIso);

/** A span such as "2時間05分" / "2 h 05 min"; negative spans read as overdue by the caller. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const mm = String(m).padStart(2, "0");
  if (lang.value === "ja") return d > 0 ? `${d}日${h}時間` : h > 0 ? `${h}時間${mm}分` : `${m}分`;
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${mm} min` : `${m} min`;
}

/** "残り 2時間05分" or "3時間 超過" relative to now. */
export function formatCountdown(deadlineIso: string, now: number): string {
  const left = new Date(deadlineIso).getTime() - now;
  return left >= 0 ? t("time.left", { span: formatDuration(left) }) : t("time.overdueBy", { span: formatDuration(left) });
}

/** A ticking clock for countdowns: one timer for the whole console. */
export const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 15_000);

/** Value for <input type="datetime-local"> showing an instant in JST. */
export function toJstLocalInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return d.toISOString().slice(0, 16);
}

/** An <input type="datetime-local"> value read as JST, as an ISO instant with +09:00. */
export function fromJstLocalInput(value: string): string {
  return `${value}:00+09:00`;
}
