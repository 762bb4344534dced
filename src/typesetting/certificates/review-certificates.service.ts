import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import { AppConfig } from '../../config/app-config';
import { Journal } from '../../journals/journal.entity';
import { ReviewAssignment } from '../../reviews/entities/review-assignment.entity';
import { problem } from '../../reviews/review-problems';
import { TypstEngineHost } from '../typst-engine.host';
import { reviewCertificateData } from './review-certificate';

/**
 * Certificates of review, for the reviewer alone and only for a completed review; made on
 * request with the typesetting engine (one page: a few milliseconds), never stored.
 */
@Injectable()
export class ReviewCertificates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly engine: TypstEngineHost,
  ) {}

  async pdf(user: User, assignmentId: string): Promise<Buffer> {
    const assignment = await this.dataSource
      .getRepository(ReviewAssignment)
      .findOneBy({ id: assignmentId, reviewerId: user.id });
    // Someone else's assignment is not revealed.
    if (!assignment) throw problem(404, 'not-found', 'There is no such review among yours');
    if (assignment.state !== 'completed' || !assignment.completedAt)
      throw problem(
        409,
        'review-not-completed',
        'A certificate is issued once the review is submitted',
      );
    const journal = await this.dataSource
      .getRepository(Journal)
      .findOneByOrFail({ id: assignment.journalId });
    const issuedAt = new Date();
    const data = reviewCertificateData({
      locale: user.preferredLocale,
      reviewer: user.names,
      journalTitles: journal.titles,
      onlineIssn: journal.onlineIssn,
      printIssn: journal.printIssn,
      assignmentId: assignment.id,
      completedAt: assignment.completedAt,
      issuedAt,
      secret: this.config.APP_SECRET,
    });
    return this.engine.engine.renderCertificate(data, issuedAt);
  }
}
