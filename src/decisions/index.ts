/** The decisions feature's public surface: what the rest of Tahkim may use of it. */
export { DecisionsModule } from './decisions.module';
export { DecisionsService } from './decisions.service';
export { AuthorDecisionsService, type DecisionsForAuthor } from './author-decisions.service';
export { RevisionDto } from './dto/decision.dto';
