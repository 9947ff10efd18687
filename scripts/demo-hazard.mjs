// The demo's tsunami inundation layer: a small hand-drawn stand-in in the 国土数値情報 A40 shape,
// imported through the API like any layer and marked illustrative (例示) so every screen says it
// is not the published hazard map. A deploy imports none: its sites read 未判定 until one is.
import { readFileSync } from "node:fs";
import { client, demoCookie } from "./demo-drill.mjs";

const LAYER = new URL("../test/fixtures/relocation/kushiro-tsunami-a40.geojson", import.meta.url);

export async function seedIllustrativeLayer(base, password) {
  const call = client(base, await demoCookie(base, "water", password));
  const { data } = await call("POST", "/api/hazard-layers", {
    name: "津波浸水想定（例示・デモ用の手描きデータ）",
    hazard: "tsunami",
    source: "デモ用の例示データ（国土数値情報 A40 の形式。公表データではありません）",
    depthProperty: "A40_003",
    illustrative: true,
    geojson: JSON.parse(readFileSync(LAYER, "utf8")),
  });
  return data;
}
