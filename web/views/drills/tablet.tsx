import { useComputed, useSignal } from "@preact/signals";
import { CATEGORIES, type Category } from "../../../src/schema/drills";
import type { Me } from "../../../src/schema/session";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { t } from "../../i18n";
import { Link } from "../../router";
import { Elapsed } from "./board";
import type { DrillModel } from "./model";
import { CategoryBadge, CountsRow, NUMERAL, SHAPE } from "./triage";

const remember = (key: string, value: string | null) => {
  if (value) localStorage.setItem(key, value);
  else localStorage.removeItem(key);
};

/**
 * The tagging screen for a 10-inch tablet held in one hand: choose the casualty, then one large
 * colour button tags it in the chosen zone. Officer and zone stay set between casualties.
 */
export function Tablet({ model, me }: { model: DrillModel; me: Me }) {
  const d = model.drill.value;
  const officerKey = `keizoku.drill.${d.id}.officer`;
  const zoneKey = `keizoku.drill.${d.id}.zone`;
  const officers = d.participants.filter((p) => p.role === "triage_officer" || p.role === "zone_leader");
  const officerId = useSignal<string | null>(localStorage.getItem(officerKey));
  const zoneId = useSignal<string>(localStorage.getItem(zoneKey) ?? d.zones[0]?.id ?? "");
  const query = useSignal("");
  const showTagged = useSignal(false);
  const selected = useSignal<string | null>(null);
  const busy = useSignal(false);
  const message = useSignal<{ ok: boolean; text: string } | null>(null);

  const list = useComputed(() => {
    const q = query.value.trim().toLowerCase();
    return model.casualties.filter((c) => {
      if (q) return c.value.tagNumber.toLowerCase().includes(q);
      return showTagged.value || !c.value.currentCategory;
    });
  });
  const chosen = selected.value ? model.byId.get(selected.value)?.value : undefined;

  async function tag(category: Category) {
    if (!chosen || busy.value) return;
    busy.value = true;
    message.value = null;
    try {
      const { data } = await mutate("POST", "/api/drills/:id/tags", { param: { id: d.id }, body: { casualtyId: chosen.id, category, zoneId: zoneId.value, officerId: officerId.value } });
      model.applyTag(data);
      message.value = { ok: true, text: t("drills.tagged", { tag: data.tagNumber, cat: t(`drills.cat.${category}`) }) };
      selected.value = null;
      query.value = "";
    } catch (e) {
      message.value = { ok: false, text: explain(e) };
    } finally {
      busy.value = false;
    }
  }

  if (d.status !== "running") {
    return (
      <div class="card">
        <p role="status">{t("drills.tabletNotRunning", { status: t(`drills.status.${d.status}`) })}</p>
        <Link href={`/drills/${d.id}`}>{t("drills.openBoard")}</Link>
      </div>
    );
  }

  return (
    <div class="tablet">
      <div class="tablet-top">
        <label>
          {t("drills.officer")}
          <select
            value={officerId.value ?? ""}
            onChange={(e) => {
              officerId.value = e.currentTarget.value || null;
              remember(officerKey, officerId.value);
              const zone = officers.find((p) => p.id === officerId.value)?.zoneId;
              if (zone) {
                zoneId.value = zone;
                remember(zoneKey, zone);
              }
            }}
          >
            <option value="">{t("drills.officerSelf", { name: me.displayName })}</option>
            {officers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="zone-pick">
          <legend>{t("drills.zone")}</legend>
          {d.zones.map((z) => (
            <label key={z.id} class={`choice zone-choice${zoneId.value === z.id ? " on" : ""}`}>
              <input
                type="radio"
                name="zone"
                value={z.id}
                checked={zoneId.value === z.id}
                onChange={() => {
                  zoneId.value = z.id;
                  remember(zoneKey, z.id);
                }}
              />
              {z.name}
            </label>
          ))}
        </fieldset>
        <Elapsed drill={d} />
      </div>
      <CountsRow counts={model.board.value.overall} untagged={model.board.value.untagged} />

      <div class="tablet-pick">
        <label>
          {t("drills.findTag")}
          <input type="search" inputMode="text" value={query.value} onInput={(e) => (query.value = e.currentTarget.value)} placeholder="T-05" />
        </label>
        <label class="choice">
          <input type="checkbox" checked={showTagged.value} onChange={(e) => (showTagged.value = e.currentTarget.checked)} /> {t("drills.showTagged")}
        </label>
      </div>
      <ul class="casualty-grid" aria-label={t("drills.casualties")}>
        {list.value.map((c) => (
          <li key={c.value.id}>
            <button
              class={`casualty-btn${selected.value === c.value.id ? " on" : ""}`}
              aria-pressed={selected.value === c.value.id}
              onClick={() => (selected.value = c.value.id)}
            >
              <strong>{c.value.tagNumber}</strong>
              <CategoryBadge category={c.value.currentCategory} small />
            </button>
          </li>
        ))}
      </ul>

      <div class="tag-bar" aria-live="polite">
        {chosen ? (
          <p class="chosen">
            <strong>{chosen.tagNumber}</strong> {chosen.description}
            {chosen.currentCategory && (
              <>
                {" "}
                ・{t("drills.retagFrom")} <CategoryBadge category={chosen.currentCategory} small />
              </>
            )}
          </p>
        ) : (
          <p class="muted">{t("drills.pickFirst")}</p>
        )}
        {message.value && <p class={message.value.ok ? "ok-msg" : "error"} role={message.value.ok ? "status" : "alert"}>{message.value.text}</p>}
        <div class="colour-buttons">
          {CATEGORIES.map((c) => (
            <button key={c} class={`colour-btn colour-${c}`} disabled={!chosen || busy.value} onClick={() => tag(c)}>
              <span class="colour-shape" aria-hidden="true">
                {SHAPE[c]}
              </span>
              <span class="colour-label">
                {t(`drills.cat.${c}`)} <small>({NUMERAL[c]})</small>
              </span>
              <span class="colour-sub">{t(`drills.catMeaning.${c}`)}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
