import { t } from "../../i18n";
import type { DrillModel } from "./model";

/**
 * Whether the drill's tags really reached the disaster HQ's screens, from delivery receipts:
 * with no HQ screen open it says so rather than claiming anything arrived.
 */
export function HqReach({ model, always }: { model: DrillModel; always: boolean }) {
  const pending = model.hqUnreceived.value;
  const screens = model.hqScreens.value;
  if (!always && pending === 0 && screens > 0) return null;
  const warn = pending > 0 || screens === 0;
  const text =
    screens === 0
      ? t("drills.hqNoScreen", { n: pending })
      : pending > 0
        ? t("drills.hqPending", { n: pending, screens })
        : t("drills.hqAllReceived", { screens });
  return (
    <p class={warn ? "hq-pending has" : "hq-pending"} role="status" data-hq-screens={screens}>
      {warn ? "⚠" : "✓"} {text}
    </p>
  );
}
