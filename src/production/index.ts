/** The production feature's public surface: what the rest of Tahkim may use of it. */
export { ProductionModule } from './production.module';
export { DiscussionsService } from './discussions.service';
export type { DiscussionThread, MessageView } from './discussion-views';
export { productionProblems } from './production.problems';
export {
  PRODUCTION_STAGES,
  STAGE_NAMES,
  STAGE_ROLES,
  WORKING_STAGES,
  type ProductionStage,
  type StageRole,
} from './production-stages';
export type { StartDiscussionDto } from './dto/production.dto';
export type { Discussion } from './entities/discussion.entity';
export type { DiscussionMessage } from './entities/discussion-message.entity';
export type { StageAssignment } from './entities/stage-assignment.entity';
