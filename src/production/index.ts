/** The production feature's public surface: what the rest of Tahkim may use of it. */
export { ProductionModule } from './production.module';
export { DiscussionsService } from './discussions.service';
