import { Module } from '@nestjs/common';
import { DecisionsModule } from '../../decisions';
import { ProductionModule } from '../../production';
import { SubmissionsModule } from '../../submissions';
import { TypesettingModule } from '../../typesetting';
import { WebFoundationModule } from '../foundation/web-foundation.module';
import { AuthorFormsController } from './author-forms.controller';
import { AuthorPagesController } from './author-pages.controller';
import { AuthorWorkspace } from './author-workspace.service';

/** The author's workspace: their submissions, a submission's page (the wizard is src/web/submit). */
@Module({
  imports: [
    WebFoundationModule,
    SubmissionsModule,
    DecisionsModule,
    ProductionModule,
    TypesettingModule,
  ],
  controllers: [AuthorPagesController, AuthorFormsController],
  providers: [AuthorWorkspace],
})
export class WebAuthorModule {}
