import { signal } from "@preact/signals";
import type { Me, Unit } from "../../src/schema/session";
import { ApiFailure, getJson, onUnauthenticated, sessionCall } from "../lib/api";
import { flush, forgetOutbox } from "../lib/outbox";
import { lang } from "../i18n";

/** The signed-in user; null before sign-in; undefined while the console is finding out. */
export const me = signal<Me | null | undefined>(undefined);
export const units = signal<Unit[]>([]);

export function unitName(id: string): string {
  const u = units.value.find((x) => x.id === id);
  return u ? (lang.value === "ja" ? u.nameJa : u.nameEn) : id;
}

async function loadUnits() {
  units.value = (await getJson("/api/units")).items;
}

export async function restoreSession() {
  try {
    me.value = (await getJson("/api/session")).user;
    await loadUnits();
    void flush();
  } catch (e) {
    // Offline with a cookie still set: stay out rather than guess who this is.
    me.value = null;
    if (!(e instanceof ApiFailure)) throw e;
  }
}

export async function signIn(login: string, password: string) {
  me.value = (await sessionCall("POST", { login, password })).user;
  await loadUnits();
}

export async function signOut() {
  await sessionCall("DELETE").catch(() => {});
  forgetOutbox();
  navigator.serviceWorker?.controller?.postMessage("forget-api");
  me.value = null;
}

onUnauthenticated.addEventListener("401", () => (me.value = null));
