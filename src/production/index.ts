/** The production feature's public surface: what the rest of Tahkim may use of it. */
export { ProductionModule } from './production.module';
export { DiscussionsService } from './discussions.service';
export type { DiscussionSummary, DiscussionThread } from './discussion-views';
export { MessageDto, StartDiscussionDto } from './dto/production.dto';
