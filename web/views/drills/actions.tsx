import { useState } from "preact/hooks";
import type { Drill } from "../../../src/schema/drills";
import type { ActionStatus, CorrectiveAction } from "../../../src/schema/drills-report";
import { ApiFailure, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatDate, t } from "../../i18n";
import { Link } from "../../router";
import { FormError } from "../../components/form-error";
import { field } from "../../lib/form";

const STATUSES: ActionStatus[] = ["open", "in_progress", "closed"];

export function OverdueBadge({ a }: { a: CorrectiveAction }) {
  if (a.overdue) return <span class="badge overdue">⚠ {t("drills.overdue")}</span>;
  return <span class={`badge ${a.status === "closed" ? "ok" : ""}`}>{a.status === "closed" ? "✓ " : ""}{t(`drills.actionStatus.${a.status}`)}</span>;
}

/**
 * The improvement plan: overdue first. With `drill` it belongs to one drill and may add actions;
 * without, it lists every drill's actions (the hospital's tracking view).
 */
export function ActionsTable(props: { actions: CorrectiveAction[]; drill?: Drill; editable: boolean | ((a: CorrectiveAction) => boolean); onChange: (a: CorrectiveAction[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const mayEdit = (a: CorrectiveAction) => (typeof props.editable === "function" ? props.editable(a) : props.editable);

  async function setStatus(a: CorrectiveAction, status: ActionStatus) {
    setError(null);
    try {
      const { data } = await mutate("PATCH", "/api/corrective-actions/:id", { param: { id: a.id }, body: { version: a.version, status } });
      props.onChange(props.actions.map((x) => (x.id === a.id ? data : x)));
    } catch (e) {
      setError(explain(e));
      if (e instanceof ApiFailure && e.status === 409 && e.current) props.onChange(props.actions.map((x) => (x.id === a.id ? (e.current as CorrectiveAction) : x)));
    }
  }

  return (
    <>
      {props.actions.length === 0 ? (
        <p class="muted">{t("drills.noActions")}</p>
      ) : (
        <table class="score-table actions-table">
          <thead>
            <tr>
              {!props.drill && <th scope="col">{t("drills.drill")}</th>}
              <th scope="col">{t("drills.capability")}</th>
              <th scope="col">{t("drills.issue")}</th>
              <th scope="col">{t("drills.correctiveAction")}</th>
              <th scope="col">{t("drills.owner")}</th>
              <th scope="col">{t("drills.dueDate")}</th>
              <th scope="col">{t("drills.state")}</th>
            </tr>
          </thead>
          <tbody>
            {props.actions.map((a) => (
              <tr key={a.id} class={a.overdue ? "overdue-row" : a.status === "closed" ? "closed-row" : ""}>
                {!props.drill && (
                  <td>
                    <Link href={`/drills/${a.drillId}/report`}>{a.drillTitle}</Link>
                  </td>
                )}
                <td>{a.capability}</td>
                <td>{a.issue}</td>
                <td>{a.action}</td>
                <td>
                  {a.owner}
                  <br />
                  <span class="muted">{a.organisation}</span>
                </td>
                <td>{formatDate(a.dueDate)}</td>
                <td>
                  <OverdueBadge a={a} />
                  {mayEdit(a) && (
                    <select class="no-print" value={a.status} aria-label={t("drills.state")} onChange={(e) => setStatus(a, e.currentTarget.value as ActionStatus)}>
                      {STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`drills.actionStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={error} />
      {props.drill && props.editable === true && <ActionForm drill={props.drill} onAdded={(a) => props.onChange([...props.actions, a])} />}
    </>
  );
}

function ActionForm({ drill, onAdded }: { drill: Drill; onAdded: (a: CorrectiveAction) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    setError(null);
    try {
      const { data } = await mutate("POST", "/api/drills/:id/actions", { param: { id: drill.id }, body: {
        capability: field(f, "capability"),
        issue: field(f, "issue"),
        action: field(f, "action"),
        owner: field(f, "owner"),
        organisation: field(f, "organisation"),
        dueDate: field(f, "dueDate"),
      } });
      onAdded(data);
      form.reset();
    } catch (err) {
      setError(explain(err));
    }
  }
  return (
    <form class="form-grid no-print action-form" onSubmit={submit}>
      <h3>{t("drills.addAction")}</h3>
      <label>
        {t("drills.capability")}
        <input name="capability" list="capabilities" required />
      </label>
      <label>
        {t("drills.issue")}
        <input name="issue" required />
      </label>
      <label>
        {t("drills.correctiveAction")}
        <input name="action" required />
      </label>
      <label>
        {t("drills.owner")}
        <input name="owner" required />
      </label>
      <label>
        {t("drills.organisation")}
        <input name="organisation" defaultValue="市立釧路総合病院" required />
      </label>
      <label>
        {t("drills.dueDate")}
        <input name="dueDate" type="date" required />
      </label>
      <div class="actions">
        <button class="btn btn-primary" type="submit">
          ＋ {t("drills.addAction")}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
