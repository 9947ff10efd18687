import type { ComponentType } from "preact";
import type { Incident } from "../../src/schema/incidents";
import type { Me } from "../../src/schema/session";
import type { StreamFeed } from "../lib/live";

export type IncidentTabProps = { incident: Incident; feed: StreamFeed; me: Me };
export type PageProps = { me: Me; rest: string };

type Lazy<P> = () => Promise<{ default: ComponentType<P> }>;

export type Area = {
  id: "checklists" | "relocation" | "drills" | "records";
  /** Catalogue key of the incident tab and of the top-level page. */
  tabLabel: string;
  pageLabel: string;
  tab: Lazy<IncidentTabProps>;
  summary: Lazy<IncidentTabProps>;
  /** A light panel the HQ overview shows (it must not load the area's data: the overview's first paint stays at its own reads). */
  overviewPanel?: Lazy<IncidentTabProps>;
  page: Lazy<PageProps>;
};

// Each area's screens load only when first opened, so the sign-in and list stay light on a phone.
export const areas: Area[] = [
  {
    id: "checklists",
    tabLabel: "tab.checklists",
    pageLabel: "nav.checklists",
    tab: () => import("./checklists/incident-tab"),
    summary: () => import("./checklists/summary"),
    page: () => import("./checklists/page"),
  },
  {
    id: "relocation",
    tabLabel: "tab.relocation",
    pageLabel: "nav.relocation",
    tab: () => import("./relocation/incident-tab"),
    summary: () => import("./relocation/summary"),
    page: () => import("./relocation/page"),
  },
  {
    id: "drills",
    tabLabel: "tab.drills",
    pageLabel: "nav.drills",
    tab: () => import("./drills/incident-tab"),
    summary: () => import("./drills/summary"),
    page: () => import("./drills/page"),
  },
  {
    id: "records",
    tabLabel: "tab.records",
    pageLabel: "nav.records",
    tab: () => import("./records/incident-tab"),
    summary: () => import("./records/summary"),
    overviewPanel: () => import("./records/summary"),
    page: () => import("./records/page"),
  },
];
