// The steps checklist has consequences: approving a request whose steps are
// not all answered "Sim" needs an explicit confirmation that names each of
// them (answered "Não" or not answered), and the approval records them.
// Which steps those are is the contract's rule (contract/steps.ts), shared
// with the analysis form.
import { type StepCheck, stepsToConfirm } from '../../contract/steps.js';

export { type StepCheck, stepsToConfirm };

/** The steps to confirm that `confirmed` (step ids) leaves out; empty when the approval may go ahead. */
export function unconfirmedSteps<S extends StepCheck>(steps: readonly S[], confirmed: readonly number[]): S[] {
  const named = new Set(confirmed);
  return stepsToConfirm(steps).filter((s) => !named.has(s.id));
}

/** A step as the approval's confirmation names it: `"Conferir identidade" (Não)`, `"Taxa" (sem resposta)`. */
export function describeStep(s: StepCheck): string {
  return `"${s.title}" (${s.answer === 'no' ? 'Não' : 'sem resposta'})`;
}
