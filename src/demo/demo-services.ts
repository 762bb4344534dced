import type { Abstract, INestApplicationContext, Type } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { JournalRoles } from '../access';
import { Invitations, People, Sessions } from '../accounts';
import { BoardService, JournalsLookup, SectionsService } from '../journals';
import { IssuesService, PublicationsService } from '../publishing';
import { FileStorage } from '../storage/file-storage';
// Not (yet) on their features' public surface (index.ts): the demo is the first caller outside
// the features' own controllers. See the report of issue #19.
import { EnrolmentService } from '../access/enrolment.service';
import { ProfileService } from '../accounts/profile.service';
import { DecisionsService } from '../decisions/decisions.service';
import { JournalsService } from '../journals/journals.service';
import { IssueContents } from '../publishing/issue-contents.service';
import { IssuePublisher } from '../publishing/issue-publisher.service';
import { InvitationAnswers } from '../reviews/invitation-answers.service';
import { ReviewFormsService } from '../reviews/review-forms.service';
import { ReviewInvitations } from '../reviews/review-invitations.service';
import { ReviewWriting } from '../reviews/review-writing.service';
import { SubmissionDrafts } from '../submissions/drafts.service';
import { SubmissionFiles } from '../submissions/submission-files.service';
import { Submitting } from '../submissions/submitting.service';
import { Withdrawal } from '../submissions/withdrawal.service';

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
