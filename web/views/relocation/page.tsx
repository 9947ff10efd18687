import { useState } from "preact/hooks";
import { mayEditSettings } from "../../../src/domain/relocation-rules";
import type { Me } from "../../../src/schema/session";
import { LazyView } from "../../components/lazy";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { t } from "../../i18n";
import { Link } from "../../router";
import type { PageProps } from "../areas";
import { FunctionRegistry, RegistryCard } from "./functions";
import { HazardPage } from "./hazard";
import { useStanding } from "./incident-model";
import type { MapProps } from "./map";
import { SiteReadiness, SitesPage } from "./sites";
import "./relocation.css";

const SECTIONS = ["", "sites", "hazard", "map", "settings"] as const;
const loadMap = () => import("./map");

/** 上下水道部 庁舎機能移転: the function registry, sites and readiness, hazard layers, map, settings. */
export default function RelocationPage({ me, rest }: PageProps) {
  const store = useStanding();
  const [section = "", id] = rest.split("/");
  return (
    <div class="reloc-page">
      <div class="page-head">
        <h1>{t("relocation.page.title")}</h1>
      </div>
      <nav class="tabs" aria-label={t("relocation.page.sections")}>
        {SECTIONS.map((s) => (
          <Link key={s} href={s ? `/relocation/${s}` : "/relocation"} aria-current={section === s ? "page" : undefined}>
            {t(`relocation.page.${s || "functions"}`)}
          </Link>
        ))}
      </nav>
      {store.failed.value && !store.loaded.value ? (
        <p role="alert" class="error">
          {t("relocation.loadFailed")}{" "}
          <button class="btn" onClick={() => void store.reload()}>
            {t("relocation.retry")}
          </button>
        </p>
      ) : !store.loaded.value ? (
        <p class="muted">{t("loading")}</p>
      ) : section === "sites" && id ? (
        <SiteReadiness id={id} me={me} />
      ) : section === "sites" ? (
        <SitesPage me={me} />
      ) : section === "hazard" ? (
        <HazardPage me={me} />
      ) : section === "map" ? (
        <PlannedMap me={me} />
      ) : section === "settings" ? (
        <Settings me={me} />
      ) : (
        <FunctionRegistry me={me} />
      )}
    </div>
  );
}

function PlannedMap({ me }: { me: Me }) {
  const { functions } = useStanding();
  const [selected, setSelected] = useState<string | null>(null);
  const fn = selected ? functions.byId.value.get(selected) : undefined;
  return (
    <section class="card">
      <h2>{t("relocation.map.planned")}</h2>
      <LazyView<MapProps> load={loadMap} props={{ onSelectFunction: setSelected }} />
      {fn && (
        <ul class="fn-cards selected-card" aria-live="polite">
          <RegistryCard fn={fn} me={me} />
        </ul>
      )}
    </section>
  );
}

function Settings({ me }: { me: Me }) {
  const { settings } = useStanding();
  const s = settings.value!;
  const [ack, setAck] = useState(s.liaisonAckMinutes);
  const [fuel, setFuel] = useState(s.fuelHoursRequired);
  const [tileUrl, setTileUrl] = useState(s.tileUrl);
  const [tileAttribution, setTileAttribution] = useState(s.tileAttribution);
  const [message, setMessage] = useState<string | null>(null);
  const may = mayEditSettings(me);

  async function submit(e: Event) {
    e.preventDefault();
    setMessage(null);
    try {
      await mutate("PATCH", "/api/relocation/settings", { body: { version: s.version, liaisonAckMinutes: ack, fuelHoursRequired: fuel, tileUrl, tileAttribution } });
      setMessage(t("relocation.settings.saved"));
    } catch (err) {
      setMessage(explain(err));
    }
  }

  return (
    <form class="form-grid card" onSubmit={submit}>
      <h2>{t("relocation.page.settings")}</h2>
      <label>
        {t("relocation.settings.ackMinutes")}
        <input type="number" min={1} max={1440} disabled={!may} value={ack} onInput={(e) => setAck(Number(e.currentTarget.value))} />
      </label>
      <label>
        {t("relocation.settings.fuelHours")}
        <input type="number" min={1} max={720} disabled={!may} value={fuel} onInput={(e) => setFuel(Number(e.currentTarget.value))} />
      </label>
      <label>
        {t("relocation.settings.tileUrl")}
        <input type="url" disabled={!may} value={tileUrl} onInput={(e) => setTileUrl(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.settings.tileAttribution")}
        <input disabled={!may} value={tileAttribution} onInput={(e) => setTileAttribution(e.currentTarget.value)} />
      </label>
      <p class="muted small">{t("relocation.settings.tileHint")}</p>
      {message && <p role="status">{message}</p>}
      {may && (
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("relocation.form.save")}
          </button>
        </div>
      )}
    </form>
  );
}
