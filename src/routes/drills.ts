import { newApp } from "../lib/app";

export const drillsRoutes = newApp();
