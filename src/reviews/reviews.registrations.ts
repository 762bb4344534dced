import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../editorial/events/domain-events';
import { StoredContent } from '../editorial/stored-content';
import { ReviewFilesRepository } from './review-files.repository';
import { ReviewReleases } from './review-releases.service';

/**
 * What peer review tells the editorial core at start, in both processes: that it answers a
 * withdrawal by releasing the submission's reviewers, and that review files hold stored content.
 */
@Injectable()
export class ReviewsRegistrations implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly content: StoredContent,
    private readonly releases: ReviewReleases,
    private readonly files: ReviewFilesRepository,
  ) {}

  onModuleInit(): void {
    // Reviewers stop, are told, and get no more reminders; no more revisions are due.
    this.events.on('submission.withdrawn', async ({ submissionId, actor }) => {
      await this.releases.release({ submissionId }, actor, 'withdrawn', true);
    });
    this.content.register('reviews', (key) => this.files.holds(key));
  }
}
