import type { Me } from "../schema/session";

type Actor = Pick<Me, "role" | "unitId">;

/** Admins act for every unit; editors for their own unit only; viewers only read. */
export function mayWriteForUnit(actor: Actor, unitId: string): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "editor" && actor.unitId === unitId;
}

/** Any admin or editor may open an incident (a hospital may start its own drill). */
export function mayCreateIncident(actor: Actor): boolean {
  return actor.role !== "viewer";
}

/** Every signed-in member of the city's units sees every incident: one common picture. */
export function maySeeIncident(_actor: Actor): boolean {
  return true;
}

/** Only admins create accounts, change a person's unit or role, reset passwords and disable accounts. */
export function mayManageAccounts(actor: Actor): boolean {
  return actor.role === "admin";
}
