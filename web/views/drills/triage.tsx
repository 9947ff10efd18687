import { CATEGORIES, type Category, type Counts } from "../../../src/schema/drills";
import { t } from "../../i18n";

/** Each category has a shape and a Roman numeral as on the Japanese triage tag, never colour alone. */
export const SHAPE: Record<Category, string> = { red: "■", yellow: "▲", green: "●", black: "✕" };
export const NUMERAL: Record<Category, string> = { red: "I", yellow: "II", green: "III", black: "0" };

export function CategoryBadge({ category, small }: { category: Category | null; small?: boolean }) {
  if (!category) return <span class="tri tri-none">{t("drills.untagged")}</span>;
  return (
    <span class={`tri tri-${category}${small ? " tri-small" : ""}`}>
      <span aria-hidden="true">{SHAPE[category]}</span> {t(`drills.cat.${category}`)}
    </span>
  );
}

/** Counts by colour with label and shape; `untagged` first when given, because those are the missed ones. */
export function CountsRow({ counts, untagged, big }: { counts: Counts; untagged?: number; big?: boolean }) {
  return (
    <div class={`counts${big ? " counts-big" : ""}`}>
      {untagged !== undefined && (
        <div class={`count count-none${untagged > 0 ? " has" : ""}`}>
          <span class="count-n" data-testid="count-untagged">{untagged}</span>
          <span class="count-l">{t("drills.untagged")}</span>
        </div>
      )}
      {CATEGORIES.map((c) => (
        <div key={c} class={`count count-${c}`}>
          <span class="count-n" data-testid={`count-${c}`}>{counts[c]}</span>
          <span class="count-l">
            <span aria-hidden="true">{SHAPE[c]}</span> {t(`drills.cat.${c}`)}
          </span>
        </div>
      ))}
    </div>
  );
}
