import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import type { Person } from '../../editorial/people';
import { type Journal, SectionsService } from '../../journals';
import {
  type Submission,
  SubmissionCompleteness,
  SubmissionsService,
  type SubmissionView,
} from '../../submissions';
import { WizardMemory, type WizardProgress } from './wizard-memory';
import { type MissingItem, missingItems, WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** The journal as the wizard's pages show it (its masthead). */
export interface WizardJournal {
  slug: string;
  titles: LocalizedText;
  primaryLocale: Locale;
}

/** A step in the list at the top of every step's page. */
export interface StepMark {
  key: WizardStep;
  /** From 1. */
  position: number;
  current: boolean;
  /** Saved, and nothing of it is missing. */
  done: boolean;
  /** Saved, but the API still lists something of it as missing. */
  incomplete: boolean;
}

/** A section a submission may be made to. */
export interface SectionChoice {
  id: string;
  titles: LocalizedText;
  wordLimit: number | null;
}

/** The author's draft, with all that the wizard's pages read of it. */
export interface Draft extends SubmissionView {
  journal: Journal;
  /** Everything the API says the draft still lacks, each with the step that fixes it. */
  missing: MissingItem[];
  progress: WizardProgress;
}

const notFound = () => httpProblems.raise('not-found', 'There is no such submission of yours');

/**
 * What the submission wizard's pages read: the author's own draft (through the same services
 * as GET /api/submissions/:id and the 422 of submitting), the journal's open sections, and
 * where a half-finished submission resumes.
 */
@Injectable()
export class SubmitWizard {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly completeness: SubmissionCompleteness,
    private readonly sections: SectionsService,
    private readonly memory: WizardMemory,
  ) {}

  /**
   * The submission `id` of `user` in the journal `slug`: a 404 when it is not theirs or not of
   * this journal (nothing says which). A submission that is no longer a draft comes back too:
   * the caller sends its author to the submission's page.
   */
  async draft(slug: string, id: string, user: Person): Promise<Draft> {
    const view = await this.submissions.view(id, user);
    const journal = view.submission.journal!;
    if (journal.slug !== slug) throw notFound();
    const [errors, progress] = await Promise.all([
      view.submission.stage === 'draft'
        ? this.completeness.missing(view.submission)
        : Promise.resolve([]),
      this.memory.progress(id),
    ]);
    return {
      ...view,
      journal,
      missing: missingItems(errors, view.submission.locale),
      progress,
    };
  }

  /** The step list's marks, `current` being the page shown. */
  steps(draft: Draft, current: WizardStep | null): StepMark[] {
    const lacking = new Set(draft.missing.map((item) => item.step));
    return WIZARD_STEPS.map((key, index) => {
      const saved = draft.progress.saved.has(key) && key !== 'review';
      return {
        key,
        position: index + 1,
        current: key === current,
        done: saved && !lacking.has(key),
        incomplete: saved && lacking.has(key),
      };
    });
  }

  /**
   * Where a half-finished submission resumes: after the last step saved, else at the first
   * step with something missing (the review when nothing is).
   */
  resumeAt(draft: Draft): WizardStep {
    const { last } = draft.progress;
    if (last)
      return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(last) + 1, WIZARD_STEPS.length - 1)];
    return (
      WIZARD_STEPS.find((step) => draft.missing.some((item) => item.step === step)) ?? 'review'
    );
  }

  /** The journal's sections open for submissions, in the table of contents' order. */
  async openSections(journal: Pick<Journal, 'id'>): Promise<SectionChoice[]> {
    return (await this.sections.list(journal))
      .filter((section) => section.openForSubmissions)
      .map((section) => ({ id: section.id, titles: section.titles, wordLimit: section.wordLimit }));
  }

  /** The titles of the draft's section (open or not). */
  async section(journal: Pick<Journal, 'id'>, sectionId: string): Promise<SectionChoice | null> {
    const section = await this.sections.find(journal.id, sectionId);
    return section && { id: section.id, titles: section.titles, wordLimit: section.wordLimit };
  }

  /** Records that the author saved `step` of the draft. */
  saved(draft: Pick<Submission, 'id'>, step: WizardStep): Promise<void> {
    return this.memory.saved(draft.id, step);
  }
}

/** The journal's languages a manuscript may be written in: its primary one first. */
export function journalLanguages(journal: Journal): Locale[] {
  return [...new Set([journal.primaryLocale, ...journal.additionalLocales])];
}

export function wizardJournal(journal: Journal): WizardJournal {
  return { slug: journal.slug, titles: journal.titles, primaryLocale: journal.primaryLocale };
}
