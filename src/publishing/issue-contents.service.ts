import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { ArticleStages, staffMover } from './article-stages';
import { DoisRepository } from './dois.repository';
import { mintDoiIn } from './dois';
import type { TocDto } from './dto/publishing.dto';
import type { Issue } from './entities/issue.entity';
import { IssuesService, type IssueView } from './issues.service';
import { type ArticleFacts, draftRecord } from './publication-drafts';
import { PublicationsRepository } from './publications.repository';
import { publishingProblems } from './publishing.problems';

/** Stages an article may be in to be placed in an issue. */
const PLACEABLE: readonly SubmissionStage[] = ['production', 'scheduled'];

/**
 * An issue's articles and their order, as the editors set them: each an accepted article of the
 * journal in production (or scheduled), in no other issue, with its publication record (made
 * from the submission the first time) and its DOI.
 */
@Injectable()
export class IssueContents {
  constructor(
    private readonly issues: IssuesService,
    private readonly publications: PublicationsRepository,
    private readonly dois: DoisRepository,
    private readonly stages: ArticleStages,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Sets the issue's articles and their order. Articles left out return to unassigned (and a
   * scheduled one to production); articles placed in a scheduled issue are scheduled with it.
   */
  @Transactional()
  async set(
    journal: Journal,
    viewer: Viewer,
    id: string,
    dto: TocDto,
    actor: Actor,
  ): Promise<IssueView> {
    const issue = await this.issues.find(journal, id, true);
    if (issue.status === 'published')
      throw publishingProblems.raise(
        'issue-published',
        'The articles of a published issue are fixed: publish a correction instead',
      );
    const ids = dto.items.map((item) => item.submissionId);
    if (new Set(ids).size !== ids.length)
      throw publishingProblems.raise('duplicate-article', 'An article is listed twice');
    const articles = await this.publications.articles(ids, journal.id);
    await this.assertPlaceable(issue, ids, articles);

    // Out: every draft record of this issue not listed; a scheduled article is back in production.
    const leaving = await this.publications.leaving(issue.id, ids);
    if (leaving.length) {
      const left = await this.publications.articles(leaving.map((record) => record.submissionId));
      for (const article of left.filter((candidate) => candidate.stage === 'scheduled'))
        await this.stages.move(article, 'unschedule', staffMover(viewer), actor, {
          issueId: issue.id,
        });
    }
    await this.publications.takeOut(issue.id, ids);
    for (const [index, item] of dto.items.entries()) {
      const article = articles.find((candidate) => candidate.id === item.submissionId)!;
      const record =
        (await this.publications.draft(article.id)) ??
        (await this.publications.create(
          draftRecord(journal, article, await this.publications.source(article.id)),
        ));
      const doi = record.doi ?? (await mintDoiIn(this.dois.store, journal, article, issue));
      await this.publications.update(record.id, {
        issueId: issue.id,
        seq: item.seq ?? index,
        doi,
      });
      if (issue.status === 'scheduled' && article.stage === 'production')
        await this.stages.move(article, 'schedule', staffMover(viewer), actor, {
          issueId: issue.id,
        });
    }
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.toc_set',
      after: { articles: ids },
    });
    return this.issues.get(journal, id);
  }

  /** 422 naming every article that cannot be placed, and why. */
  private async assertPlaceable(issue: Issue, ids: string[], articles: ArticleFacts[]) {
    const problems: string[] = [];
    for (const submissionId of ids) {
      const article = articles.find((candidate) => candidate.id === submissionId);
      if (!article) problems.push(`${submissionId}: no such submission in this journal`);
      else if (!PLACEABLE.includes(article.stage))
        problems.push(
          `${article.number}: is ${article.stage}; only articles in production can be placed in an issue`,
        );
    }
    for (const row of await this.publications.placedElsewhere(ids, issue.id))
      problems.push(`${row.number}: is already in another issue; take it out of that one first`);
    if (problems.length)
      throw publishingProblems.raise(
        'unplaceable-articles',
        `These articles cannot be placed: ${problems.join('; ')}`,
      );
  }
}
