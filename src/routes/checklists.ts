import { newApp } from "../lib/app";

export const checklistsRoutes = newApp();
