import { useEffect, useRef } from "preact/hooks";
import type { LiveStatus, StreamFeed } from "../lib/live";
import { t } from "../i18n";

const SHAPE = { live: "●", connecting: "◌", reconnecting: "◐", offline: "✕" } as const;

// Hours and minutes, Japan time: how old the picture is, not a timestamp to the second.
const HHMM = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", hour12: false });

type Synced = { at: string; seq: number };
const syncedKey = (stream: string) => `keizoku.synced.${stream}`;

/** When this device last knew it held everything of the stream (kept across reloads, for offline). */
function lastSynced(stream: string): Synced | null {
  try {
    return JSON.parse(localStorage.getItem(syncedKey(stream)) ?? "null") as Synced | null;
  } catch {
    return null;
  }
}

/**
 * Live / reconnecting / offline with the latest sequence number, announced politely to screen
 * readers. Offline it says how old what is on screen is: 「オフライン — HH:MM 時点（#seq）」, the last
 * moment the live link confirmed this device was up to date.
 */
export function ConnectionIndicator({ feed }: { feed: StreamFeed }) {
  const status = feed.status.value;
  const seq = feed.latestSeq.value;
  const was = useRef<LiveStatus>(status);
  useEffect(() => {
    // Live means up to date; the moment the link drops is the last moment that was true.
    if (status === "live" || was.current === "live") localStorage.setItem(syncedKey(feed.stream), JSON.stringify({ at: new Date().toISOString(), seq }));
    was.current = status;
  }, [status, seq, feed.stream]);
  const synced = status === "offline" ? lastSynced(feed.stream) : null;
  return (
    <div class={`conn conn-${status}`} role="status" aria-live="polite" aria-label={t("conn.label")}>
      <span aria-hidden="true">{SHAPE[status]}</span>{" "}
      {synced ? (
        <strong data-testid="offline-as-of">{t("conn.offlineAsOf", { time: HHMM.format(new Date(synced.at)), seq: synced.seq })}</strong>
      ) : (
        <>
          <strong>{t(`conn.${status}`)}</strong>
          <span class="conn-seq" data-testid="latest-seq">
            {t("conn.seq", { seq })}
          </span>
        </>
      )}
      {feed.present.value > 0 && <span class="muted">{t("conn.present", { n: feed.present.value })}</span>}
    </div>
  );
}
