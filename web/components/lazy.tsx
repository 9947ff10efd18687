import { useEffect, useState } from "preact/hooks";
import type { ComponentType } from "preact";
import { t } from "../i18n";

/** Renders a lazily imported screen once its code has arrived. */
export function LazyView<P extends object>(props: { load: () => Promise<{ default: ComponentType<P> }>; props: P }) {
  const [View, setView] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setView(null);
    props
      .load()
      .then((m) => live && setView(() => m.default))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [props.load]);
  if (failed) return <p role="alert">{t("error.offline")}</p>;
  return View ? <View {...props.props} /> : <p class="muted">{t("loading")}</p>;
}
