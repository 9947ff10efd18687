import { computed, signal } from "@preact/signals";
import type { Incident, IncidentCreate, IncidentPatch } from "../../src/schema/incidents";
import { getAllPages, getJson, mutate } from "../lib/api";
import { LiveCollection } from "../lib/live-model";
import { LiveSocket, type LiveStatus } from "../lib/socket";

// Only a newer version replaces the held copy: a late broadcast never rolls an incident back,
// and the same version again (the overview re-reads it often) redraws nothing.
const incidents = new LiveCollection<Incident>((i) => i.id, (next, held) => next.version > held.version);

/** Every incident this console knows, by id; kept current by the live incident list. */
export const incidentsById = computed(() => new Map([...incidents.byId.value].map(([id, row]) => [id, row.value])));
export const incidentsLoaded = signal(false);

/** Open first, then by onset, newest first: what the HQ must look at leads. */
export const incidentList = computed(() =>
  [...incidents.all.value].sort((a, b) => Number(a.status === "closed") - Number(b.status === "closed") || b.onsetAt.localeCompare(a.onsetAt)),
);

export const upsertIncident = (incident: Incident) => incidents.upsert(incident);

export async function loadIncidents() {
  const { items } = await getAllPages("/api/incidents");
  for (const i of items) upsertIncident(i);
  incidentsLoaded.value = true;
}

export async function loadIncident(id: string): Promise<Incident> {
  const incident = await getJson("/api/incidents/:id", { param: { id } });
  upsertIncident(incident);
  return incident;
}

let directory: LiveSocket | null = null;
let unlink: (() => void) | null = null;

const SYNCED_KEY = "keizoku.synced.incidents";
/** The live incident list's link (live / reconnecting / offline). */
export const incidentsLink = signal<LiveStatus>("connecting");
/** When this device last read the list from the server over a live link (kept across reloads, for offline). */
export const incidentsSyncedAt = signal<string | null>(localStorage.getItem(SYNCED_KEY));

function listSynced() {
  const at = new Date().toISOString();
  localStorage.setItem(SYNCED_KEY, at);
  incidentsSyncedAt.value = at;
}

/** The live incident list: a reconnect reloads the list, so nothing missed while away stays missing. */
export function watchIncidents() {
  if (directory) return;
  directory = new LiveSocket(
    "/api/live",
    (m) => {
      if (m.type === "incident") upsertIncident(m.incident);
    },
    // Read right after the link opened: this is the server's list, not a copy kept for offline.
    () => void loadIncidents().then(listSynced, () => {}),
  );
  unlink = directory.status.subscribe((s) => (incidentsLink.value = s));
  directory.open();
}

export function stopWatchingIncidents() {
  directory?.close();
  directory = null;
  unlink?.();
  unlink = null;
  incidents.replaceAll([]);
  incidentsLoaded.value = false;
}

export async function createIncident(input: IncidentCreate) {
  const { data } = await mutate("POST", "/api/incidents", { body: input });
  upsertIncident(data);
  return data;
}

export async function changeIncident(id: string, patch: IncidentPatch) {
  const { data } = await mutate("PATCH", "/api/incidents/:id", { param: { id }, body: patch });
  upsertIncident(data);
  return data;
}
