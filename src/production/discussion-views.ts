import type { Person } from '../editorial/people';
import type { DiscussionMessage } from './entities/discussion-message.entity';
import type { Discussion } from './entities/discussion.entity';
import type { Participants } from './participants';
import type { ProductionStage } from './production-stages';
import type { StageFile } from './production-submissions.repository';

/** A file shared in a discussion, as its participants see it (never where it is stored). */
export type SharedFile = Omit<StageFile, 'storageKey' | 'submissionId'>;

export interface MessageView {
  id: string;
  author: Pick<Person, 'id' | 'names'>;
  body: string;
  file: SharedFile | null;
  createdAt: Date;
}

/** A discussion with its messages in order. */
export interface DiscussionThread extends Discussion {
  messages: MessageView[];
}

/** A discussion in the list: how many messages, when the last was written, how many unread. */
export interface DiscussionSummary extends Discussion {
  messages: number;
  lastMessageAt: Date | null;
  /** Who wrote the last message (a participant, whom the participants see anyway). */
  lastWriterId: string | null;
  /** Messages others wrote since the reader last opened the discussion. */
  unread: number;
}

export interface DiscussionList {
  stage: Participants['submission']['stage'];
  stages: ProductionStage[];
  discussions: DiscussionSummary[];
}

export const messageView = (
  message: DiscussionMessage,
  author: Pick<Person, 'id' | 'names'>,
  file: SharedFile | null,
): MessageView => ({
  id: message.id,
  author: { id: author.id, names: author.names },
  body: message.body,
  file,
  createdAt: message.createdAt,
});
