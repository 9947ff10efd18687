import L from "leaflet";

/** What a site marker or function line shows: its style and its label (text and how it is shown). */
export type Look = { style: L.PathOptions; label: string; labelOptions: L.TooltipOptions };

/**
 * Puts a look on a layer, touching the map only for the parts that differ from what it shows.
 * The map's effects run again on every clock tick (a function may have just become late), and on
 * a wall left running for days that must cost nothing when nothing changed: Leaflet adds a focus
 * listener to the layer's element each time a hover label is bound and never removes it, so
 * rebinding the same label every 15 s grew the page's listeners without end.
 */
export function lookSetter(layer: L.Path): (next: Look) => void {
  let style = "";
  let label = "";
  let how = "";
  return (next) => {
    const nextStyle = JSON.stringify(next.style);
    if (nextStyle !== style) layer.setStyle(next.style);
    style = nextStyle;
    const nextHow = JSON.stringify(next.labelOptions);
    if (nextHow === how) {
      if (next.label !== label) layer.setTooltipContent(next.label);
    } else {
      if (how !== "") unbindLabel(layer);
      layer.bindTooltip(next.label, next.labelOptions);
    }
    how = nextHow;
    label = next.label;
  };
}

/** Leaflet's off(element, type) with no handler takes off every handler of that type it added. */
const offAll = L.DomEvent.off as unknown as (el: Element, types: string) => void;

/** Takes a label off together with the focus listener Leaflet left on the layer's element for it. */
function unbindLabel(layer: L.Path) {
  const hover = layer.getTooltip()?.options.permanent !== true;
  layer.unbindTooltip();
  const el = layer.getElement();
  if (hover && el) offAll(el, "focus");
}
