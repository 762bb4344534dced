import { Global, Module } from '@nestjs/common';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { JournalsController } from './journals.controller';
import { JournalsLookup } from './journals.lookup';
import { JournalsRepository } from './journals.repository';
import { JournalsService } from './journals.service';
import { SectionsRepository } from './sections.repository';
import { SectionsService } from './sections.service';

/**
 * Journals, their settings, sections and editorial board. Global so that every feature (and the
 * journal access guard) finds journals and sections without importing it.
 */
@Global()
@Module({
  controllers: [JournalsController],
  providers: [
    JournalsService,
    JournalsLookup,
    SectionsService,
    BoardService,
    JournalsRepository,
    SectionsRepository,
    BoardRepository,
  ],
  exports: [JournalsLookup, SectionsService, BoardService],
})
export class JournalsModule {}
