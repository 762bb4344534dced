import type { Abstract, INestApplicationContext, Type } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EnrolmentService, JournalRoles } from '../access';
import { AnnouncementsService } from '../announcements';
import { Invitations, People, ProfileService, Sessions } from '../accounts';
import { DecisionsService } from '../decisions';
import { BoardService, JournalsLookup, JournalsService, SectionsService } from '../journals';
import { IssueContents, IssuePublisher, IssuesService, PublicationsService } from '../publishing';
import {
  InvitationAnswers,
  ReviewFormsService,
  ReviewInvitations,
  ReviewWriting,
} from '../reviews';
import { SubmissionDrafts, SubmissionFiles, Submitting, Withdrawal } from '../submissions';
import { FileStorage } from '../storage/file-storage';

/** The services the demo works through, taken from a running application (the API's modules). */
export function demoServices(app: INestApplicationContext) {
  const get = <T>(type: Type<T> | Abstract<T>): T => app.get(type, { strict: false });
  return {
    transactions: get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost),
    storage: get(FileStorage),
    people: get(People),
    invitations: get(Invitations),
    sessions: get(Sessions),
    profiles: get(ProfileService),
    journals: get(JournalsService),
    lookup: get(JournalsLookup),
    sections: get(SectionsService),
    board: get(BoardService),
    announcements: get(AnnouncementsService),
    roles: get(JournalRoles),
    enrolment: get(EnrolmentService),
    forms: get(ReviewFormsService),
    drafts: get(SubmissionDrafts),
    files: get(SubmissionFiles),
    submitting: get(Submitting),
    withdrawal: get(Withdrawal),
    invitationsToReview: get(ReviewInvitations),
    answers: get(InvitationAnswers),
    reviewing: get(ReviewWriting),
    decisions: get(DecisionsService),
    issues: get(IssuesService),
    contents: get(IssueContents),
    publications: get(PublicationsService),
    publisher: get(IssuePublisher),
  };
}

export type DemoServices = ReturnType<typeof demoServices>;
