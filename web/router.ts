import { signal } from "@preact/signals";
import { createElement, type ComponentChildren } from "preact";

/** The current path; the console is a single page served for every non-API address. */
export const path = signal(location.pathname);

addEventListener("popstate", () => (path.value = location.pathname));

export function navigate(to: string) {
  if (to === path.value) return;
  history.pushState(null, "", to);
  path.value = to;
  scrollTo(0, 0);
}

/** A real link (opens in a new tab, works without script) that navigates in place on a plain click. */
export function Link(props: { href: string; class?: string; children: ComponentChildren; "aria-current"?: "page" }) {
  return createElement(
    "a",
    {
      ...props,
      onClick: (e: MouseEvent) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(props.href);
      },
    },
    props.children,
  );
}
