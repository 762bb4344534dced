import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { fileDownload, type FileDownload } from '../../common/http/files';
import type { Locale } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { AppConfig } from '../../config/app-config';
import type { Person } from '../../editorial/people';
import { JournalsLookup } from '../../journals';
import { typesettingProblems } from '../typesetting.problems';
import { TypesettingSourcesRepository } from '../typesetting-sources.repository';
import { TypstEngineHost } from '../typst-engine.host';
import { reviewCertificateData } from './review-certificate';

/**
 * Certificates of review, for the reviewer alone and only for a completed review; made on
 * request with the typesetting engine (one page: a few milliseconds), never stored.
 */
@Injectable()
export class ReviewCertificates {
  constructor(
    private readonly sources: TypesettingSourcesRepository,
    private readonly journals: JournalsLookup,
    private readonly config: AppConfig,
    private readonly engine: TypstEngineHost,
  ) {}

  /** The certificate in `locale`: the reviewer's own language unless a page asks for its own. */
  async pdf(
    user: Person,
    assignmentId: string,
    locale: Locale = user.preferredLocale,
  ): Promise<FileDownload> {
    const assignment = await this.sources.reviewOf(user.id, assignmentId);
    // Someone else's assignment is not revealed.
    if (!assignment) throw httpProblems.raise('not-found', 'There is no such review among yours');
    if (assignment.state !== 'completed' || !assignment.completedAt)
      throw typesettingProblems.raise(
        'review-not-completed',
        'A certificate is issued once the review is submitted',
      );
    const journal = await this.journals.byId(assignment.journalId);
    const issuedAt = new Date();
    const data = reviewCertificateData({
      locale,
      reviewer: user.names,
      journalTitles: journal.titles,
      onlineIssn: journal.onlineIssn,
      printIssn: journal.printIssn,
      assignmentId: assignment.id,
      completedAt: assignment.completedAt,
      issuedAt,
      secret: this.config.APP_SECRET,
    });
    const pdf = this.engine.engine.renderCertificate(data, issuedAt);
    return fileDownload(Readable.from([pdf]), {
      mediaType: 'application/pdf',
      fileName: 'certificate-of-review.pdf',
    });
  }
}
