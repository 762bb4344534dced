import { Injectable } from '@nestjs/common';
import type { Actor, Viewer } from '../editorial/request-context';
import { type Mover, StageMachine } from '../editorial/stages/stage-machine';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';
import type { ArticleFacts } from './publication-drafts';

/** The steps an issue takes its articles through. */
export type IssueStep = 'schedule' | 'unschedule' | 'publish' | 'unpublish';

/** Where each step leads, and what the history calls it. */
const STEPS: Record<
  IssueStep,
  { to: SubmissionStage; kind: 'published' | 'stage_scheduled' | 'stage_production' }
> = {
  schedule: { to: 'scheduled', kind: 'stage_scheduled' },
  unschedule: { to: 'production', kind: 'stage_production' },
  publish: { to: 'published', kind: 'published' },
  unpublish: { to: 'production', kind: 'stage_production' },
};

/** The journal's editors moving articles with their issue (the routes let only them in). */
export const staffMover = (viewer: Viewer): Mover => ({
  kind: 'staff',
  roles: viewer.roles,
  isSiteAdmin: viewer.isSiteAdmin,
});

/** The worker, publishing a scheduled issue when its time comes. */
export const SYSTEM_MOVER: Mover = { kind: 'system' };

/**
 * Moves an article with its issue through the stage machine (the transition table, who may,
 * and the lock version read with the article), recording the step in its history: `published`
 * for its author, the other two for the editors.
 */
@Injectable()
export class ArticleStages {
  constructor(private readonly machine: StageMachine) {}

  async move(
    article: Pick<ArticleFacts, 'id' | 'stage' | 'lockVersion'>,
    step: IssueStep,
    by: Mover,
    actor: Actor,
    facts: Record<string, unknown>,
  ): Promise<void> {
    const { to, kind } = STEPS[step];
    await this.machine.move(article.id, {
      step,
      by,
      actor,
      lockVersion: article.lockVersion,
      event: { kind, data: { from: article.stage, to, ...facts } },
    });
  }
}
