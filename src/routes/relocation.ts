import { newApp } from "../lib/app";
import { liaisonRoutes } from "./liaison";
import { boardRoutes } from "./relocation-board";
import { functionRoutes } from "./relocation-functions";
import { hazardRoutes } from "./relocation-hazard";
import { siteRoutes } from "./sites";

/** Water & sewer HQ relocation: sites, hazard layers, function registry, relocation board, liaison log. */
export const relocationRoutes = newApp()
  .route("/", siteRoutes)
  .route("/", hazardRoutes)
  .route("/", functionRoutes)
  .route("/", boardRoutes)
  .route("/", liaisonRoutes);
