import { useState } from "preact/hooks";
import { HAZARD_MAX_BYTES } from "../../../src/domain/relocation-hazard";
import { mayImportHazard } from "../../../src/domain/relocation-rules";
import type { HazardLayer, HazardLayerImport, SiteHazard } from "../../../src/schema/relocation";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { inundationLabel, siteName } from "./labels";
import { standing } from "./standing";
import { FormError } from "../../components/form-error";

const HAZARD_KINDS: HazardLayer["hazard"][] = ["tsunami", "flood", "storm_surge", "other"];

type ImportResult = { layer: HazardLayer; sitesInInundation: number; changed: SiteHazard[] };

/** 浸水想定区域: import a GeoJSON layer (国土数値情報 A40), see which sites it floods, remove it. */
export function HazardPage({ me }: { me: Me }) {
  const layers = standing.layers.value;
  const may = mayImportHazard(me);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(layer: HazardLayer) {
    if (!confirm(t("relocation.hazard.confirmRemove", { name: layer.name }))) return;
    setError(null);
    try {
      await mutate("DELETE", "/api/hazard-layers/:id", { param: { id: layer.id } });
    } catch (err) {
      setError(explain(err));
    }
  }

  return (
    <section aria-labelledby="hazard-h">
      <h2 id="hazard-h">{t("relocation.hazard.title")}</h2>
      <p class="muted">{t("relocation.hazard.explain")}</p>
      {may && <ImportForm onDone={setResult} />}
      {result && (
        <div class="card" role="status">
          <p>
            <strong>{t("relocation.hazard.imported", { name: result.layer.name, n: result.layer.featureCount, sites: result.sitesInInundation })}</strong>
          </p>
          <ul>
            {result.changed
              .filter((h) => standing.site(h.siteId)?.source === "city")
              .map((h) => (
                <li key={h.siteId}>
                  {siteName(standing.site(h.siteId))}：{inundationLabel({ ...standing.site(h.siteId)!, ...h }).text}
                </li>
              ))}
          </ul>
        </div>
      )}
      <FormError message={error} />
      {layers.length === 0 ? (
        <p class="muted">{t("relocation.hazard.none")}</p>
      ) : (
        <table class="reloc-table">
          <thead>
            <tr>
              <th scope="col">{t("relocation.hazard.name")}</th>
              <th scope="col">{t("relocation.hazard.kind")}</th>
              <th scope="col">{t("relocation.hazard.features")}</th>
              <th scope="col">{t("relocation.hazard.importedAt")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {layers.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  {l.name} {l.illustrative && <span class="badge unknown">{t("relocation.inundation.illustrative")}</span>}
                  <div class="muted small">{l.source}</div>
                </th>
                <td>{t(`relocation.hazardKind.${l.hazard}`)}</td>
                <td>{t("relocation.hazard.featureCount", { n: l.featureCount, kb: Math.ceil(l.bytes / 1024) })}</td>
                <td>
                  {formatJst(l.importedAt)}・{l.importedByName}
                </td>
                <td>
                  {may && (
                    <button class="btn btn-danger" onClick={() => remove(l)}>
                      {t("relocation.hazard.remove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ImportForm({ onDone }: { onDone: (r: ImportResult) => void }) {
  const [name, setName] = useState("");
  const [hazard, setHazard] = useState<HazardLayer["hazard"]>("tsunami");
  const [source, setSource] = useState("国土数値情報（津波浸水想定）");
  const [depthProperty, setDepthProperty] = useState("A40_003");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (!file) return;
    if (file.size > HAZARD_MAX_BYTES) return setError(t("relocation.hazard.tooLarge", { mb: (file.size / 1048576).toFixed(1) }));
    // Checked by the server, which names what is wrong with the file.
    let geojson: HazardLayerImport["geojson"];
    try {
      geojson = JSON.parse(await file.text());
    } catch {
      return setError(t("relocation.hazard.notJson"));
    }
    setBusy(true);
    try {
      const done = await mutate("POST", "/api/hazard-layers", { body: { name: name || file.name, hazard, source, depthProperty, geojson } });
      onDone(done.data);
      setFile(null);
      setName("");
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 413) setError(t("relocation.hazard.tooLarge", { mb: (file.size / 1048576).toFixed(1) }));
      else if (err instanceof ApiFailure && err.fields.length > 0)
        setError(`${t("relocation.hazard.invalid")} ${err.fields.slice(0, 5).map((f) => `${f.path}: ${f.message}`).join(" / ")}`);
      else setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form-grid card" onSubmit={submit}>
      <h3>{t("relocation.hazard.import")}</h3>
      <label>
        {t("relocation.hazard.file")}
        <input type="file" required accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <label>
        {t("relocation.hazard.name")}
        <input maxLength={200} value={name} placeholder={file?.name ?? ""} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.hazard.kind")}
        <select value={hazard} onChange={(e) => setHazard(e.currentTarget.value as HazardLayer["hazard"])}>
          {HAZARD_KINDS.map((h) => (
            <option key={h} value={h}>
              {t(`relocation.hazardKind.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("relocation.hazard.source")}
        <input maxLength={300} value={source} onInput={(e) => setSource(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.hazard.depthProperty")}
        <input maxLength={64} required value={depthProperty} onInput={(e) => setDepthProperty(e.currentTarget.value)} />
      </label>
      <FormError message={error} />
      <div class="actions">
        <button class="btn btn-primary" type="submit" disabled={busy || !file}>
          {busy ? t("relocation.hazard.importing") : t("relocation.hazard.submit")}
        </button>
      </div>
    </form>
  );
}
