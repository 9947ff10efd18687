import { newApp } from "../lib/app";
import { itemRoutes } from "./checklists-items";
import { readinessRoutes } from "./checklists-readiness";
import { templateRoutes } from "./checklists-templates";

/** BCP checklists: templates and readiness (standing stream), activated items (each incident's stream). */
export const checklistsRoutes = newApp().route("/", templateRoutes).route("/", itemRoutes).route("/", readinessRoutes);
