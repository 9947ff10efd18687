import { Timeline } from "../../components/timeline";
import { t } from "../../i18n";
import { Link } from "../../router";
import { LazyView } from "../../components/lazy";
import { areas, type IncidentTabProps } from "../areas";
import { AlertControls, useAlerts } from "./alert-controls";
import { AttentionQueue } from "./attention";
import { FunctionsPanel, HospitalPanel, UnitGrid } from "./panels";
import { SilentSetting } from "./silent-setting";
import { useOverview } from "./use-overview";
import "./overview.css";

/** The HQ's one screen: attention queue beside every unit, then the water functions, the hospital and the chronology. */
export default function OverviewScreen({ incident, feed, me }: IncidentTabProps) {
  const model = useOverview(incident.id, feed);
  useAlerts(model);
  return (
    <div class="hq-overview" data-testid="hq-overview">
      <div class="hq-bar">
        <SilentSetting incident={incident} me={me} />
        <AlertControls />
        <Link href={`/wall/${incident.id}`} class="btn">
          {t("overview.wall.open")}
        </Link>
      </div>
      <div class="hq-attention">
        <AttentionQueue model={model} me={me} />
      </div>
      <div class="hq-main">
        <UnitGrid model={model} />
        <div class="hq-panels">
          <FunctionsPanel model={model} />
          <HospitalPanel model={model} />
          {areas.map((a) => a.overviewPanel && <LazyView key={a.id} load={a.overviewPanel} props={{ incident, feed, me }} />)}
        </div>
      </div>
      <div class="hq-chronology">
        <Timeline changes={feed.changes.value} />
      </div>
    </div>
  );
}
