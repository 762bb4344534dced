import { Module } from '@nestjs/common';
import { WebFoundationModule } from '../foundation/web-foundation.module';

/** The author's workspace: their submissions, the submission wizard, a submission's page. */
@Module({
  imports: [WebFoundationModule],
  controllers: [],
})
export class WebAuthorModule {}
