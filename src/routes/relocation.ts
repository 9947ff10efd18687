import { newApp } from "../lib/app";

export const relocationRoutes = newApp();
