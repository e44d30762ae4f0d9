// Avaliações (issue #13): the citizen's evaluation of a concluded request, its
// moderation before anything is published, the personal data found in a
// comment, and the public satisfaction panel. Shared by the BFF
// (bff/domain/evaluations.ts and bff/domain/personal-data.ts decide) and the
// elements (they show the same names). Pure, no dependencies.

/** A comment's moderation: waiting, published (approved), or not published (rejected). */
export const EVALUATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Why a comment is not published ("Reprovar"): the manual's sensitive data and distorted speech, and two more. */
export const MODERATION_REASONS = ['sensitive_data', 'offensive', 'off_topic', 'other'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/**
 * A moderator's decision: publish as written (green "Aprovar"), publish with
 * the personal data found masked ("Aprovar ocultando dados"), or not publish
 * (red "Reprovar", with a reason).
 */
export const MODERATION_DECISIONS = ['approve', 'approve_masked', 'reject'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** The kinds of personal data found in a comment before anyone reads it. */
export const PERSONAL_DATA_KINDS = ['cpf', 'cnpj', 'rg', 'phone', 'email', 'cep', 'plate', 'name'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** What a masked span reads as once published. */
export const MASK = '███';

/** The longest comment a citizen may write. */
export const COMMENT_MAX = 2000;

/** The audit action of a moderation decision (on the evaluation's request; staff-only data, the citizen reads the outcome). */
export const EVALUATION_MODERATED = 'evaluation_moderated';
