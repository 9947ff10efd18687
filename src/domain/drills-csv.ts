import { CasualtyCard, type Casualty } from "../schema/drills-casualty";
import type { CasualtyScore } from "../schema/drills-report";
import { type CsvValue, csvTable, parseCsv } from "./csv";
import { accept, type FieldIssue, invalidFields, refused, type Ruled } from "./refusal";

/** Scenario CSV columns, in export order. The header row names them; order on import is free. */
export const SCENARIO_COLUMNS = [
  "tag_number",
  "description",
  "age",
  "can_walk",
  "breathing",
  "breathing_after_airway",
  "respiratory_rate",
  "radial_pulse",
  "capillary_refill_s",
  "follows_commands",
  "override_category",
  "override_reason",
] as const;
type Column = (typeof SCENARIO_COLUMNS)[number];

const FIELD_TO_COLUMN: Record<string, Column> = {
  tagNumber: "tag_number",
  description: "description",
  age: "age",
  canWalk: "can_walk",
  breathing: "breathing",
  breathingAfterAirway: "breathing_after_airway",
  respiratoryRate: "respiratory_rate",
  radialPulse: "radial_pulse",
  capillaryRefillSeconds: "capillary_refill_s",
  followsCommands: "follows_commands",
};

const TRUE = new Set(["yes", "y", "true", "1", "はい", "有", "あり", "○"]);
const FALSE = new Set(["no", "n", "false", "0", "いいえ", "無", "なし", "×"]);

type Cell = { value: unknown } | { problem: string };

function boolCell(raw: string): Cell {
  const v = raw.trim().toLowerCase();
  if (v === "") return { value: null };
  if (TRUE.has(v)) return { value: true };
  if (FALSE.has(v)) return { value: false };
  return { problem: `"${raw}" is not yes or no` };
}

function numberCell(raw: string): Cell {
  const v = raw.trim();
  if (v === "") return { value: null };
  const n = Number(v);
  return Number.isFinite(n) ? { value: n } : { problem: `"${raw}" is not a number` };
}


const unreadable = (problems: FieldIssue[]) => invalidFields(problems, "The CSV has rows that cannot be read; nothing was imported.")!;

/**
 * Casualty cards from scenario CSV. Any bad row refuses the whole file: each problem names the
 * line (the header is line 1) and the column, so the coordinator can fix the sheet.
 */
export function cardsFromCsv(text: string): Ruled<CasualtyCard[]> {
  const rows = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ""));
  const problems: FieldIssue[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const col of ["tag_number", "description", "can_walk", "breathing"] as const) {
    if (!header.includes(col)) problems.push({ path: `rows.1.${col}`, message: `row 1: the header lacks the column ${col}` });
  }
  header.forEach((h, i) => {
    if (!(SCENARIO_COLUMNS as readonly string[]).includes(h)) problems.push({ path: `rows.1.${h || i + 1}`, message: `row 1: unknown column "${h}"` });
  });
  if (rows.length < 2) problems.push({ path: "rows", message: "the file holds no casualty rows" });
  if (problems.length) return refused(unreadable(problems));

  const cards: CasualtyCard[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const get = (col: Column) => cells[header.indexOf(col)] ?? "";
    const rowProblems: FieldIssue[] = [];
    const cell = (col: Column, c: Cell) => {
      if ("problem" in c) rowProblems.push({ path: `rows.${line}.${col}`, message: `row ${line}, ${col}: ${c.problem}` });
      return "value" in c ? c.value : null;
    };
    if (cells.length > header.length) rowProblems.push({ path: `rows.${line}`, message: `row ${line}: more fields than the header` });
    const overrideCategory = get("override_category").trim();
    const input = {
      tagNumber: get("tag_number").trim(),
      description: get("description").trim(),
      age: cell("age", numberCell(get("age"))),
      canWalk: cell("can_walk", boolCell(get("can_walk"))),
      breathing: cell("breathing", boolCell(get("breathing"))),
      breathingAfterAirway: cell("breathing_after_airway", boolCell(get("breathing_after_airway"))),
      respiratoryRate: cell("respiratory_rate", numberCell(get("respiratory_rate"))),
      radialPulse: cell("radial_pulse", boolCell(get("radial_pulse"))),
      capillaryRefillSeconds: cell("capillary_refill_s", numberCell(get("capillary_refill_s"))),
      followsCommands: cell("follows_commands", boolCell(get("follows_commands"))),
      override: overrideCategory ? { category: overrideCategory, reason: get("override_reason").trim() } : null,
    };
    if (rowProblems.length === 0) {
      const parsed = CasualtyCard.safeParse(input);
      if (parsed.success) {
        const first = seen.get(parsed.data.tagNumber);
        if (first) rowProblems.push({ path: `rows.${line}.tag_number`, message: `row ${line}, tag_number: ${parsed.data.tagNumber} is already on row ${first}` });
        else {
          seen.set(parsed.data.tagNumber, line);
          cards.push(parsed.data);
        }
      } else {
        for (const issue of parsed.error.issues) {
          const [head, sub] = issue.path.map(String);
          const col = head === "override" ? (sub === "reason" ? "override_reason" : "override_category") : (FIELD_TO_COLUMN[head ?? ""] ?? head);
          rowProblems.push({ path: `rows.${line}.${col}`, message: `row ${line}, ${col}: ${issue.message}` });
        }
      }
    }
    problems.push(...rowProblems);
  });
  return problems.length ? refused(unreadable(problems)) : accept(cards);
}

/** Tag numbers repeated within one scenario, naming the later card. */
export function duplicateTagProblems(cards: Array<{ tagNumber: string }>): FieldIssue[] {
  const seen = new Set<string>();
  const problems: FieldIssue[] = [];
  cards.forEach((c, i) => {
    if (seen.has(c.tagNumber)) problems.push({ path: `casualties.${i}.tagNumber`, message: `tag number ${c.tagNumber} appears twice` });
    seen.add(c.tagNumber);
  });
  return problems;
}

const SCENARIO_CELLS: Record<Column, (c: Casualty) => CsvValue> = {
  tag_number: (c) => c.tagNumber,
  description: (c) => c.description,
  age: (c) => c.age,
  can_walk: (c) => c.canWalk,
  breathing: (c) => c.breathing,
  breathing_after_airway: (c) => c.breathingAfterAirway,
  respiratory_rate: (c) => c.respiratoryRate,
  radial_pulse: (c) => c.radialPulse,
  capillary_refill_s: (c) => c.capillaryRefillSeconds,
  follows_commands: (c) => c.followsCommands,
  override_category: (c) => c.override?.category,
  override_reason: (c) => c.override?.reason,
};

export const scenarioCsv = (casualties: Casualty[]): string => csvTable(SCENARIO_COLUMNS, SCENARIO_CELLS, casualties);

export const SCORE_COLUMNS = [
  "tag_number",
  "start_category",
  "expected",
  "override_reason",
  "first_category",
  "assigned",
  "outcome",
  "time_to_first_tag_s",
  "tag_count",
  "officer",
] as const;

const SCORE_CELLS: Record<(typeof SCORE_COLUMNS)[number], (r: CasualtyScore) => CsvValue> = {
  tag_number: (r) => r.tagNumber,
  start_category: (r) => r.startCategory,
  expected: (r) => r.expected,
  override_reason: (r) => r.overrideReason,
  first_category: (r) => r.firstCategory,
  assigned: (r) => r.assigned,
  outcome: (r) => r.outcome,
  // Seconds to one decimal, as the score screen shows them.
  time_to_first_tag_s: (r) => (r.timeToFirstTagMs === null ? null : Math.round(r.timeToFirstTagMs / 100) / 10),
  tag_count: (r) => r.tagCount,
  officer: (r) => r.officerName,
};

export const scoreCsv = (rows: CasualtyScore[]): string => csvTable(SCORE_COLUMNS, SCORE_CELLS, rows);
