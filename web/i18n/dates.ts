// Dates a person reads at once: 2027年1月29日(金) in Japanese, 29 Jan 2027 in English (never
// 01/12/2026), always in Japan time. No DOM here, so worker-side tests can check the wording.

type Lang = "ja" | "en";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, kind: "date" | "instant" | "time"): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const date: Intl.DateTimeFormatOptions =
      lang === "ja" ? { year: "numeric", month: "long", day: "numeric", weekday: "short" } : { year: "numeric", month: "short", day: "numeric" };
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? date
        : kind === "instant"
          ? { ...date, hour: "2-digit", minute: "2-digit", hour12: false }
          : { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
    f = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { timeZone: "Asia/Tokyo", ...options });
    formats.set(key, f);
  }
  return f;
}

export function jstInstant(lang: Lang, iso: string, opts: { timeOnly?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${format(lang, opts.timeOnly ? "time" : "instant").format(d)} JST`;
}

/** A due date ("2026-12-01") is a JST calendar day; an instant is read as its JST day. */
export function jstDate(lang: Lang, dateOrIso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(dateOrIso) ? `${dateOrIso}T12:00:00+09:00` : dateOrIso);
  return Number.isNaN(d.getTime()) ? "—" : format(lang, "date").format(d);
}
