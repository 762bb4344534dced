import { DAY_MS } from '../../common/time';
import type { EntityManager } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import type { Journal } from '../../journals/journal.entity';
import { CrossrefDeposits } from '../../publishing/crossref-deposits.service';
import { DoajExports } from '../../publishing/doaj-exports.service';
import { DoiAssignment } from '../../publishing/entities/doi-assignment.entity';
import { Issue } from '../../publishing/entities/issue.entity';
import { draftPublication, mintDoi } from '../../publishing/publication-record';
import { TypesettingRun } from '../../typesetting/entities/typesetting-run.entity';
import { SubmissionEvent } from '../../submissions/entities/submission-event.entity';
import { Submission } from '../../submissions/entities/submission.entity';

/**
 * The demo journal's issues: volume 1, number 1 published a month ago with the demo articles
 * already published (records, frozen DOIs; pages and galleys from typesetting it), and number 2 in preparation with the
 * article in production placed in it. Galleys come with typesetting.
 */
export async function seedDemoIssues(manager: EntityManager, journal: Journal, editor: User) {
  const year = new Date().getUTCFullYear();
  const publishedAt = new Date(Date.now() - 30 * DAY_MS);
  const [published, production] = await Promise.all(
    (['published', 'production'] as const).map((stage) =>
      manager.find(Submission, {
        where: { journalId: journal.id, stage },
        order: { submittedAt: 'ASC' },
      }),
    ),
  );
  const first = await manager.save(
    manager.create(Issue, {
      journalId: journal.id,
      volume: 1,
      number: 1,
      year,
      titles: {
        ar: 'العدد الافتتاحي: التطوع في الخليج والمغرب',
        en: 'Opening issue: volunteering in the Gulf and the Maghreb',
        fr: 'Numéro inaugural\u00A0: le bénévolat dans le Golfe et au Maghreb',
      },
      showTitle: true,
      status: 'published',
      publishedAt,
      isCurrent: true,
    }),
  );
  for (const [seq, submission] of published.entries()) {
    const record = await draftPublication(manager, journal, submission);
    // No pages yet: typesetting the issue (queued below) gives them.
    Object.assign(record, {
      issueId: first.id,
      seq,
      doi: await mintDoi(manager, journal, submission, first),
      status: 'published',
      publishedAt,
    });
    await manager.save(record);
    await manager.update(DoiAssignment, { submissionId: submission.id }, { frozenAt: publishedAt });
    await manager.insert(SubmissionEvent, {
      submissionId: submission.id,
      actorId: editor.id,
      kind: 'published',
      authorVisible: true,
      data: { issueId: first.id, doi: record.doi } as never,
      occurredAt: publishedAt,
    });
  }
  // Its typesetting and its indexing exports wait for the worker, which does them when the
  // demo starts.
  await manager.insert(TypesettingRun, {
    journalId: journal.id,
    scope: 'issue',
    issueId: first.id,
    status: 'queued',
    requestedBy: editor.id,
  });
  await CrossrefDeposits.request(manager, journal, first);
  await DoajExports.request(manager, first);
  const next = await manager.save(
    manager.create(Issue, { journalId: journal.id, volume: 1, number: 2, year, status: 'draft' }),
  );
  for (const [seq, submission] of production.entries()) {
    const record = await draftPublication(manager, journal, submission);
    Object.assign(record, {
      issueId: next.id,
      seq,
      doi: await mintDoi(manager, journal, submission, next),
    });
    await manager.save(record);
  }
}
