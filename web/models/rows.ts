import { type Signal, signal } from "@preact/signals";

/** Replaces a row's value unless what is held is newer; a new row replaces the map so lists redraw. */
export function upsert<T extends { version?: number }>(map: Signal<Map<string, Signal<T>>>, id: string, value: T) {
  const held = map.value.get(id);
  if (held) {
    if ((value.version ?? 0) >= (held.value.version ?? 0)) held.value = value;
    return;
  }
  const next = new Map(map.value);
  next.set(id, signal(value));
  map.value = next;
}
