// Dates a person reads at once: 2027年1月29日(金) in Japanese, 29 Jan 2027 in English (never
// 01/12/2026), always in Japan time. No DOM here, so worker-side tests can check the wording.

type Lang = "ja" | "en";

const formats = new Map<string, Intl.DateTimeFormat>();
type Kind = "date" | "instant" | "time" | "short" | "shortYear";
function format(lang: Lang, kind: Kind): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const date: Intl.DateTimeFormatOptions =
      lang === "ja" ? { year: "numeric", month: "long", day: "numeric", weekday: "short" } : { year: "numeric", month: "short", day: "numeric" };
    const hm: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hour12: false };
    // The short form drops the year (kept when it is not this year) but never the day.
    const { year: _year, ...dayOnly } = date;
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? date
        : kind === "instant" || kind === "shortYear"
          ? { ...date, ...hm }
          : kind === "short"
            ? { ...dayOnly, ...hm }
            : { ...hm, second: "2-digit" };
    f = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo", ...options });
    formats.set(key, f);
  }
  return f;
}

const JST_MS = 9 * 3_600_000;
const jstYear = (ms: number) => new Date(ms + JST_MS).getUTCFullYear();

/**
 * An instant in JST. `short`: the day and the time (12月1日(火) 20:56 JST), for anything that can
 * lie on another day than today (an incident runs through midnight); `timeOnly` only for a clock
 * that shows the present moment, or under a heading that already gives the day.
 */
export function jstInstant(lang: Lang, iso: string, opts: { timeOnly?: boolean; short?: boolean; now?: number } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  const kind: Kind = opts.timeOnly ? "time" : opts.short ? (jstYear(d.getTime()) === jstYear(opts.now ?? Date.now()) ? "short" : "shortYear") : "instant";
  return `${format(lang, kind).format(d)} JST`;
}

/** A due date ("2026-12-01") is a JST calendar day; an instant is read as its JST day. */
export function jstDate(lang: Lang, dateOrIso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(dateOrIso) ? `${dateOrIso}T12:00:00+09:00` : dateOrIso);
  return Number.isNaN(d.getTime()) ? "—" : format(lang, "date").format(d);
}
