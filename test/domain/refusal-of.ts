import type { Refusal, Ruled } from "../../src/domain/refusal";

/** The refusal a domain rule answered; fails the test when it accepted instead. */
export function refusalOf(answer: Ruled<unknown> | Refusal | null): Refusal {
  if (answer === null || ("ok" in answer && answer.ok)) throw new Error("expected a refusal");
  return "ok" in answer ? answer.refusal : answer;
}

/** What a domain rule accepted; fails the test with its refusal when it refused. */
export function valueOf<T>(answer: Ruled<T>): T {
  if (!answer.ok) throw new Error(`refused: ${answer.refusal.code} ${answer.refusal.message}`);
  return answer.value;
}
