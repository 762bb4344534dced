import type { Locale } from '../common/i18n/locale';
import type { JournalRoleName } from '../editorial/roles';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';

/** The stages after acceptance that have their own people and discussions. */
export const PRODUCTION_STAGES = ['copyediting', 'production'] as const;
export type ProductionStage = (typeof PRODUCTION_STAGES)[number];

/** The journal role a person needs to be assigned to a stage. */
export const STAGE_ROLES = {
  copyediting: 'copyeditor',
  production: 'production_editor',
} as const satisfies Record<ProductionStage, JournalRoleName>;
export type StageRole = (typeof STAGE_ROLES)[ProductionStage];

/**
 * Where the submission may be while its copyediting and production are being worked on, in
 * order: people are assigned, discussions started and messages written only then (not once it
 * is published, declined or withdrawn).
 */
export const WORKING_STAGES: readonly SubmissionStage[] = [
  'copyediting',
  'production',
  'scheduled',
];

/** Whether a submission in `current` has reached `stage` and is still being worked on. */
export function hasReached(current: SubmissionStage, stage: ProductionStage): boolean {
  const at = WORKING_STAGES.indexOf(current);
  return at >= 0 && at >= WORKING_STAGES.indexOf(stage);
}

/** Stage names as they appear in emails, in the recipient's language. */
export const STAGE_NAMES: Record<Locale, Record<ProductionStage, string>> = {
  ar: { copyediting: 'التدقيق اللغوي', production: 'الإنتاج' },
  en: { copyediting: 'copyediting', production: 'production' },
  fr: { copyediting: 'révision linguistique', production: 'production' },
};
