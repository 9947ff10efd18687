import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { type Answer, type ArgsOf, getPage, type PagedPath, type Params } from "../lib/http";

type ItemOf<P extends PagedPath> = Answer<"GET", P> extends { items: (infer I)[] } ? I : never;

/**
 * A list the server answers in pages, read a page at a time: the first page when `deps` change,
 * the next one on `more()`. `cut` stays true while the server has more than is shown, so the
 * screen can say so instead of showing a cut list as if it were whole.
 */
export function usePages<P extends PagedPath>(path: P, params: Params<"GET", P>, deps: unknown[], enabled = true) {
  const [items, setItems] = useState<ItemOf<P>[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  // A reload started after a `more()` wins: an older page never lands on a newer first page.
  const generation = useRef(0);

  async function read(after: string | null) {
    const mine = after === null ? ++generation.current : generation.current;
    setBusy(true);
    try {
      const page = (await getPage(path, after, ...([params] as ArgsOf<"GET", P>))) as { items: ItemOf<P>[]; next: string | null };
      if (mine !== generation.current) return;
      setItems((held) => (after === null ? page.items : [...(held ?? []), ...page.items]));
      setNext(page.next);
      setError(null);
    } catch (e) {
      // What was shown stays; the screen says the read failed rather than showing nothing as if empty.
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }

  useEffect(() => {
    if (enabled) void read(null);
    else setItems(null);
  }, [enabled, round, ...deps]);

  return {
    items,
    cut: next !== null,
    busy,
    error,
    more: () => (next ? read(next) : Promise.resolve()),
    /** The first page again (after a change), dropping pages read beyond it. */
    reload: () => setRound((n) => n + 1),
  };
}

/**
 * Says plainly that only part of a list is on screen, and offers the rest (「さらに表示」).
 * `newest`: the list shows its newest entries first, so what is missing is older.
 */
export function CutNotice({ shown, cut, busy, onMore, newest = true }: { shown: number; cut: boolean; busy: boolean; onMore: () => void; newest?: boolean }) {
  if (!cut) return null;
  return (
    <p class="cut-notice" role="status">
      <span>{t(newest ? "list.cutNewest" : "list.cutFirst", { n: shown })}</span>{" "}
      <button type="button" class="btn" disabled={busy} onClick={onMore}>
        {busy ? t("loading") : t("list.more")}
      </button>
    </p>
  );
}
