import type { ComponentType } from "preact";
import type { Incident } from "../../src/schema/incidents";
import type { Me } from "../../src/schema/session";
import type { StreamFeed } from "../lib/live";

export type IncidentTabProps = { incident: Incident; feed: StreamFeed; me: Me };
export type PageProps = { me: Me; rest: string };

type Lazy<P> = () => Promise<{ default: ComponentType<P> }>;

/** An incident tab: its catalogue label and its screen. Both or neither. */
type TabPart = { tabLabel: string; tab: Lazy<IncidentTabProps> } | { tabLabel?: undefined; tab?: undefined };
/** A top-level page at /<id> in the main navigation: its catalogue label and its screen. Both or neither. */
type PagePart = { pageLabel: string; page: Lazy<PageProps> } | { pageLabel?: undefined; page?: undefined };

/**
 * One area of the console. Every part is optional, so an area may be only a page, only an
 * incident tab, or only a panel on the HQ overview; the shell shows what an area has.
 */
export type Area = TabPart &
  PagePart & {
    id: string;
    /** A small card of the incident's state in this area. */
    summary?: Lazy<IncidentTabProps>;
    /** A light panel the HQ overview shows (it must not load the area's data: the overview's first paint stays at its own reads). */
    overviewPanel?: Lazy<IncidentTabProps>;
  };

export type AreaWithTab = Area & { tabLabel: string; tab: Lazy<IncidentTabProps> };
export type AreaWithPage = Area & { pageLabel: string; page: Lazy<PageProps> };
export const hasTab = (a: Area): a is AreaWithTab => a.tab !== undefined;
export const hasPage = (a: Area): a is AreaWithPage => a.page !== undefined;

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
  {
    id: "accounts",
    pageLabel: "nav.accounts",
    page: () => import("./accounts/page"),
  },
];
