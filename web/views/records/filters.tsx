import { type Signal, useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";

type Choice = { value: string; label: string };
/** One filter control: a choice among values ("all" first), or a typed input. */
export type FilterField<K extends string> = { name: K; label: string } & (
  | { kind: "select"; choices: readonly Choice[] }
  | { kind: "search" | "date" | "datetime-local" }
);

/**
 * What is typed into the filters and what the list was last asked with: the list follows
 * `applied`, so it changes only when the person presses search.
 */
export function useFilters<Q extends Record<string, string>>(empty: Q): { draft: Signal<Q>; applied: Signal<Q> } {
  const draft = useSignal<Q>(empty);
  const applied = useSignal<Q>(empty);
  return { draft, applied };
}

/** The filters above a searchable list (the archive, the timeline search), applied on submit. */
export function FilterForm<Q extends Record<string, string>>(props: {
  fields: readonly FilterField<keyof Q & string>[];
  filters: { draft: Signal<Q>; applied: Signal<Q> };
  submitLabel: string;
  onApply?: () => void;
  /** Further actions beside the search button (e.g. saving the results). */
  children?: ComponentChildren;
}) {
  const { draft, applied } = props.filters;
  const set = (k: keyof Q) => (e: Event) => (draft.value = { ...draft.value, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form
      class="rec-filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply?.();
        applied.value = draft.value;
      }}
    >
      {props.fields.map((f) => (
        <label key={f.name}>
          {f.label}
          {f.kind === "select" ? (
            <select name={f.name} value={draft.value[f.name]} onChange={set(f.name)}>
              <option value="">{t("timeline.search.all")}</option>
              {f.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          ) : f.kind === "search" ? (
            <input type="search" name={f.name} value={draft.value[f.name]} onInput={set(f.name)} />
          ) : (
            <input type={f.kind} name={f.name} value={draft.value[f.name]} onInput={set(f.name)} />
          )}
        </label>
      ))}
      <div class="actions">
        <button class="btn btn-primary">{props.submitLabel}</button>
        {props.children}
      </div>
    </form>
  );
}
