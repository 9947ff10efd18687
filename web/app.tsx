import { useEffect } from "preact/hooks";
import { LazyView } from "./components/lazy";
import { OutboxStatus } from "./components/outbox-status";
import { UpdatePrompt } from "./components/update-prompt";
import { queued } from "./lib/outbox";
import { lang, setLang, t } from "./i18n";
import { loadIncidents, stopWatchingIncidents, watchIncidents } from "./models/incidents";
import { me, signOut, unitName } from "./models/session";
import { Link, navigate, path } from "./router";
import { areas, hasPage } from "./views/areas";
import { IncidentList } from "./views/incident-list";
import { IncidentPage } from "./views/incident-page";
import { SignIn } from "./views/sign-in";

const loadWall = () => import("./views/overview/wall");

export function App() {
  const user = me.value;
  useEffect(() => {
    if (!user) return;
    void loadIncidents().catch(() => {});
    watchIncidents();
    return stopWatchingIncidents;
  }, [user?.id]);

  if (user === undefined) return <p class="muted page">{t("loading")}</p>;
  // The HQ's large screen: no navigation chrome at all.
  const wall = path.value.match(/^\/wall\/([^/]+)/);
  if (user && wall) return <LazyView load={loadWall} props={{ id: wall[1]!, me: user }} />;
  return (
    <>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <header class="top">
        <Link href="/" class="brand">
          {t("app.name")}
        </Link>
        {user && (
          <nav aria-label={t("nav.main")} class="top-nav" ref={keepCurrentInView}>
            <Link href="/" aria-current={path.value === "/" ? "page" : undefined}>
              {t("nav.incidents")}
            </Link>
            {areas.filter(hasPage).map((a) => (
              <Link key={a.id} href={`/${a.id}`} aria-current={path.value.startsWith(`/${a.id}`) ? "page" : undefined}>
                {t(a.pageLabel)}
              </Link>
            ))}
          </nav>
        )}
        <div class="top-right">
          <button class="btn btn-quiet" lang={lang.value === "ja" ? "en" : "ja"} onClick={() => setLang(lang.value === "ja" ? "en" : "ja")}>
            {t("lang.toggle")}
          </button>
          {user && (
            <>
              <OutboxStatus />
              <span class="who" title={unitName(user.unitId)}>
                <span class="who-name">{user.displayName}</span>
                <span class="who-role">（{t(`role.${user.role}`)}）</span>
              </span>
              <button
                class="btn btn-quiet"
                onClick={async () => {
                  if (queued.value.length > 0 && !confirm(t("outbox.confirmSignOut", { n: queued.value.length }))) return;
                  await signOut();
                  navigate("/");
                }}
              >
                {t("signOut")}
              </button>
            </>
          )}
        </div>
      </header>
      <UpdatePrompt />
      {user ? <Screen /> : <SignIn />}
    </>
  );
}

/** Where the navigation is one scrolling row (tablets, phones), the current section stays in sight. */
function keepCurrentInView(nav: HTMLElement | null) {
  nav?.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function Screen() {
  const user = me.value!;
  const parts = path.value.split("/").filter(Boolean);
  if (parts[0] === "incidents" && parts[1]) return <IncidentPage id={parts[1]} tab={parts[2] ?? ""} me={user} />;
  const area = areas.filter(hasPage).find((a) => a.id === parts[0]);
  if (area)
    return (
      <main id="main" class="page">
        <LazyView load={area.page} props={{ me: user, rest: parts.slice(1).join("/") }} />
      </main>
    );
  return <IncidentList />;
}
