import { Module } from '@nestjs/common';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsRepository } from './announcements.repository';
import { AnnouncementsService } from './announcements.service';

/** A journal's announcements: written by its editors, read on its public site and in the API. */
@Module({
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService, AnnouncementsRepository, CatalogueChanges],
  exports: [AnnouncementsService],
})
export class AnnouncementsModule {}
