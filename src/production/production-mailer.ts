import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { displayName, type Person } from '../editorial/people';
import { ROLE_NAMES } from '../editorial/roles';
import { JournalsLookup } from '../journals';
import { NotificationService } from '../notifications/notification.service';
import { recipientOf } from '../reviews';
import type { Discussion } from './entities/discussion.entity';
import type { DiscussionMessage } from './entities/discussion-message.entity';
import { type ProductionStage, STAGE_NAMES, type StageRole } from './production-stages';
import {
  type ProductionFacts,
  ProductionSubmissionsRepository,
} from './production-submissions.repository';
import type { StageAssignment } from './entities/stage-assignment.entity';

/**
 * The emails of copyediting and production, queued in the outbox in the ambient transaction,
 * each in its recipient's language: an assignment to its assignee, a discussion's message to
 * the others who follow it.
 */
@Injectable()
export class ProductionMailer {
  constructor(
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly journals: JournalsLookup,
    private readonly submissions: ProductionSubmissionsRepository,
  ) {}

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).href;
  }

  async assigned(
    facts: ProductionFacts,
    journalSlug: string,
    assignment: Pick<StageAssignment, 'id' | 'submissionId' | 'stage'> & { role: StageRole },
    assignee: Person,
    assigner: Person,
  ): Promise<void> {
    const locale = assignee.preferredLocale;
    await this.notifications.queue({
      template: 'stage-assignment',
      to: recipientOf(assignee),
      journalId: facts.journalId,
      submissionId: assignment.submissionId,
      dedupeKey: `stage-assignment:${assignment.id}`,
      data: {
        submissionNumber: facts.number,
        title: facts.titleIn(locale),
        stageName: STAGE_NAMES[locale][assignment.stage],
        roleName: ROLE_NAMES[locale][assignment.role],
        assignerName: displayName(assigner.names, locale),
        workflowUrl: this.url(`/journals/${journalSlug}/workflow/${assignment.submissionId}`),
      },
    });
  }

  /** A new message (or a file shared), to each recipient in their language. */
  async message(
    facts: ProductionFacts,
    discussion: Pick<Discussion, 'id' | 'submissionId' | 'subject'> & { stage: ProductionStage },
    message: Pick<DiscussionMessage, 'id' | 'body'>,
    sender: Person,
    fileName: string | null,
    recipients: readonly Person[],
  ): Promise<void> {
    const staffUrl = this.url(
      `/submissions/${discussion.submissionId}/discussions/${discussion.id}`,
    );
    // The author reads the discussion on their page of the submission, in their language.
    const submitterId = (await this.submissions.submitted(discussion.submissionId))?.submitterId;
    const slug = recipients.some((recipient) => recipient.id === submitterId)
      ? (await this.journals.byId(facts.journalId)).slug
      : null;
    for (const recipient of recipients) {
      const locale = recipient.preferredLocale;
      const discussionUrl =
        slug && recipient.id === submitterId
          ? this.url(
              `/${locale}/j/${slug}/submissions/${discussion.submissionId}#discussion-${discussion.id}`,
            )
          : staffUrl;
      await this.notifications.queue({
        template: 'discussion-message',
        to: recipientOf(recipient),
        journalId: facts.journalId,
        submissionId: discussion.submissionId,
        dedupeKey: `discussion-message:${message.id}:${recipient.id}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          stageName: STAGE_NAMES[locale][discussion.stage],
          subject: discussion.subject,
          senderName: displayName(sender.names, locale) || sender.email,
          body: message.body,
          fileName,
          discussionUrl,
        },
      });
    }
  }
}
