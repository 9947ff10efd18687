import { useSignalEffect } from "@preact/signals";
import { useState } from "preact/hooks";
import type { Tag } from "../../../src/schema/drills";
import { CutNotice, usePages } from "../../components/more-pages";
import { formatJst, t } from "../../i18n";
import type { DrillModel } from "./model";
import { CategoryBadge } from "./triage";

/** Every tag and re-tag, newest first: re-triage keeps the earlier call visible. */
export function TagHistory({ model }: { model: DrillModel }) {
  const d = model.drill.value;
  // Pages come newest first; a tag made here since then is put on top.
  const pages = usePages("/api/drills/:id/tags", { param: { id: d.id } }, [d.id]);
  const [arrived, setArrived] = useState<Tag[]>([]);
  useSignalEffect(() => {
    const last = model.lastTag.value;
    if (last) setArrived((list) => (list.some((x) => x.id === last.id) ? list : [last, ...list]));
  });
  const tags = pages.items && [...arrived.filter((a) => !pages.items!.some((x) => x.id === a.id)), ...pages.items];
  if (!tags || tags.length === 0) return null;
  const zoneName = (id: string) => d.zones.find((z) => z.id === id)?.name ?? id;
  return (
    <details class="card">
      <summary>{t("drills.history", { n: tags.length })}</summary>
      <table class="score-table">
        <thead>
          <tr>
            <th scope="col">{t("drills.time")}</th>
            <th scope="col">{t("drills.tagNumber")}</th>
            <th scope="col">{t("drills.assigned")}</th>
            <th scope="col">{t("drills.zone")}</th>
            <th scope="col">{t("drills.officer")}</th>
            <th scope="col">{t("drills.hqTime")}</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((x) => (
            <tr key={x.id}>
              <td>{formatJst(x.taggedAt, { short: true })}</td>
              <th scope="row">{x.tagNumber}</th>
              <td>
                {x.previousCategory && (
                  <>
                    <CategoryBadge category={x.previousCategory} small /> → {" "}
                  </>
                )}
                <CategoryBadge category={x.category} small />
                {x.previousCategory && <span class="muted"> {t("drills.retag")}</span>}
              </td>
              <td>{zoneName(x.zoneId)}</td>
              <td>{x.officerName}</td>
              <td>{x.hqReceivedAt ? `${((Date.parse(x.hqReceivedAt) - Date.parse(x.taggedAt)) / 1000).toFixed(1)} ${t("drills.sec")}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CutNotice shown={tags.length} cut={pages.cut} busy={pages.busy} onMore={() => void pages.more()} />
    </details>
  );
}
