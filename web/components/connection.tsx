import type { StreamFeed } from "../lib/live";
import { t } from "../i18n";

const SHAPE = { live: "●", connecting: "◌", reconnecting: "◐", offline: "✕" } as const;

/** Live / reconnecting / offline with the latest sequence number, announced politely to screen readers. */
export function ConnectionIndicator({ feed }: { feed: StreamFeed }) {
  const status = feed.status.value;
  return (
    <div class={`conn conn-${status}`} role="status" aria-live="polite" aria-label={t("conn.label")}>
      <span aria-hidden="true">{SHAPE[status]}</span> <strong>{t(`conn.${status}`)}</strong>
      <span class="conn-seq" data-testid="latest-seq">
        {t("conn.seq", { seq: feed.latestSeq.value })}
      </span>
      {feed.present.value > 0 && <span class="muted">{t("conn.present", { n: feed.present.value })}</span>}
    </div>
  );
}
