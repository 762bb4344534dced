import { ApiProperty } from '@nestjs/swagger';
import { PersonNamesResponse } from '../../accounts';
import type { Person, PersonNames } from '../../editorial/people';
import { SUBMISSION_STAGES, type SubmissionStage } from '../../editorial/stages/stage-transitions';
import { FILE_GENRES, type FileGenre, STAGE_FILE_GENRES } from '../../submissions';
import type {
  DiscussionList,
  DiscussionSummary,
  DiscussionThread,
  MessageView,
  SharedFile,
} from '../discussion-views';
import type { Discussion } from '../entities/discussion.entity';
import type { StageAssignment } from '../entities/stage-assignment.entity';
import {
  PRODUCTION_STAGES,
  type ProductionStage,
  STAGE_ROLES,
  type StageRole,
} from '../production-stages';
import type { StageWork } from '../stage-assignments.service';

/** A submission file as the stage's people see it (never where it is stored). */
export class StageFileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [...FILE_GENRES, ...STAGE_FILE_GENRES] })
  genre: FileGenre;

  @ApiProperty({ description: 'The manuscript version it belongs to' })
  version: number;

  @ApiProperty({ description: 'As uploaded; shown, never used as a path' })
  originalName: string;

  @ApiProperty({ description: 'Decided from the content, never from the name' })
  mediaType: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toStageFileResponse(file: SharedFile): StageFileResponse {
  return {
    id: file.id,
    genre: file.genre,
    version: file.version,
    originalName: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt,
  };
}

/** Someone named in a discussion or an assignment. */
export class PersonRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: PersonNamesResponse })
  names: PersonNames;
}

const personRef = (person: Pick<Person, 'id' | 'names'>): PersonRefResponse => ({
  id: person.id,
  names: person.names,
});

/** A discussion of a stage of a submission. */
export class DiscussionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ enum: PRODUCTION_STAGES })
  stage: ProductionStage;

  @ApiProperty()
  subject: string;

  @ApiProperty({ format: 'uuid' })
  createdById: string;

  @ApiProperty({ type: PersonRefResponse, description: 'Who started it' })
  createdBy: PersonRefResponse;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A closed discussion is read, but takes no more messages',
  })
  closedAt: Date | null;
}

export function toDiscussionResponse(discussion: Discussion): DiscussionResponse {
  return {
    id: discussion.id,
    submissionId: discussion.submissionId,
    stage: discussion.stage,
    subject: discussion.subject,
    createdById: discussion.createdById,
    createdBy: personRef(discussion.createdBy!),
    createdAt: discussion.createdAt,
    closedAt: discussion.closedAt ?? null,
  };
}

export class DiscussionMessageResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: PersonRefResponse })
  author: PersonRefResponse;

  @ApiProperty({ description: 'Plain text; empty when the message only shares a file' })
  body: string;

  @ApiProperty({ type: StageFileResponse, nullable: true })
  file: StageFileResponse | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export function toDiscussionMessageResponse(message: MessageView): DiscussionMessageResponse {
  return {
    id: message.id,
    author: personRef(message.author),
    body: message.body,
    file: message.file ? toStageFileResponse(message.file) : null,
    createdAt: message.createdAt,
  };
}

/** A discussion with its messages, in order. */
export class DiscussionThreadResponse extends DiscussionResponse {
  @ApiProperty({ type: [DiscussionMessageResponse] })
  messages: DiscussionMessageResponse[];
}

export function toDiscussionThreadResponse(thread: DiscussionThread): DiscussionThreadResponse {
  return {
    ...toDiscussionResponse(thread),
    messages: thread.messages.map(toDiscussionMessageResponse),
  };
}

/** A discussion in the list: how many messages, when the last was written, how many unread. */
export class DiscussionSummaryResponse extends DiscussionResponse {
  @ApiProperty()
  messages: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastMessageAt: Date | null;

  @ApiProperty({
    description:
      'Messages others wrote since you last opened this discussion (GET of the discussion marks it read)',
  })
  unread: number;
}

function toDiscussionSummaryResponse(summary: DiscussionSummary): DiscussionSummaryResponse {
  return {
    ...toDiscussionResponse(summary),
    messages: summary.messages,
    lastMessageAt: summary.lastMessageAt,
    unread: summary.unread,
  };
}

export class DiscussionListResponse {
  @ApiProperty({ enum: SUBMISSION_STAGES, description: 'Where the submission is now' })
  stage: SubmissionStage;

  @ApiProperty({
    enum: PRODUCTION_STAGES,
    isArray: true,
    description: 'The stages whose discussions I take part in',
  })
  stages: ProductionStage[];

  @ApiProperty({ type: [DiscussionSummaryResponse], description: 'Oldest first' })
  discussions: DiscussionSummaryResponse[];
}

export function toDiscussionListResponse(list: DiscussionList): DiscussionListResponse {
  return {
    stage: list.stage,
    stages: list.stages,
    discussions: list.discussions.map(toDiscussionSummaryResponse),
  };
}

export class AssigneeResponse extends PersonRefResponse {
  @ApiProperty()
  email: string;
}

/** A copyeditor or production editor on one stage of a submission. */
export class StageAssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ enum: PRODUCTION_STAGES })
  stage: ProductionStage;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: Object.values(STAGE_ROLES) })
  role: StageRole;

  @ApiProperty({ format: 'uuid' })
  assignedById: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Removed assignments stay in the record',
  })
  removedAt: Date | null;

  @ApiProperty({ type: AssigneeResponse })
  user: AssigneeResponse;

  @ApiProperty({ type: PersonRefResponse })
  assignedBy: PersonRefResponse;
}

export function toStageAssignmentResponse(assignment: StageAssignment): StageAssignmentResponse {
  const { user, assignedBy } = assignment;
  return {
    id: assignment.id,
    submissionId: assignment.submissionId,
    stage: assignment.stage,
    userId: assignment.userId,
    role: assignment.role,
    assignedById: assignment.assignedById,
    assignedAt: assignment.assignedAt,
    removedAt: assignment.removedAt ?? null,
    user: { id: user!.id, names: user!.names, email: user!.email },
    assignedBy: personRef(assignedBy!),
  };
}

/** Who works on the submission, the files they work from, and the version to typeset. */
export class StageWorkResponse {
  @ApiProperty({ enum: SUBMISSION_STAGES })
  stage: SubmissionStage;

  @ApiProperty({ type: [StageAssignmentResponse], description: 'Removed ones too, oldest first' })
  assignments: StageAssignmentResponse[];

  @ApiProperty({
    type: StageFileResponse,
    nullable: true,
    description: 'The manuscript or copyedited file marked to typeset',
  })
  galleySource: StageFileResponse | null;

  @ApiProperty({ type: [StageFileResponse], description: 'Every file but cover letters' })
  files: StageFileResponse[];
}

export function toStageWorkResponse(work: StageWork): StageWorkResponse {
  return {
    stage: work.stage,
    assignments: work.assignments.map(toStageAssignmentResponse),
    galleySource: work.galleySource ? toStageFileResponse(work.galleySource) : null,
    files: work.files.map(toStageFileResponse),
  };
}
