import { RuleError } from "../../src/domain/checklists";

/** The rule error a domain function throws; fails the test when it throws none or another error. */
export function ruleOf(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error("expected a rule error");
}
