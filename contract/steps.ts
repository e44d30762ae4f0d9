// The one rule of the steps checklist both sides apply: approving a request
// whose steps are not all answered "Sim" confirms each of them by name. The
// BFF enforces it (bff/domain/steps.ts); the analysis form lists them before
// the approver sends.

export interface StepCheck {
  id: number;
  title: string;
  answer: 'yes' | 'no' | null;
}

/** The steps an approval must confirm: answered "Não" or not answered, in their order. */
export function stepsToConfirm<S extends StepCheck>(steps: readonly S[]): S[] {
  return steps.filter((s) => s.answer !== 'yes');
}
