import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileDownload } from '../common/http/api-file-download.decorator';
import { JournalAccess } from '../editorial/journal-access';
import { JOURNAL_EDITORS } from '../editorial/roles';
import { CurrentJournal, type Journal } from '../journals';
import { StatisticsQuery } from './dto/statistics-query.dto';
import {
  EditorialStatisticsResponse,
  toEditorialStatisticsResponse,
} from './dto/statistics.response';
import { StatisticsService } from './statistics.service';

/** Editorial statistics of a journal over a period, for its managers and editors. */
@ApiTags('statistics')
@Controller('journals/:slug/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Submissions received, desk-reject and acceptance rates, median days to decision, acceptance and publication, reviewer figures, per country and language (default: the last 12 months)',
  })
  @ApiOkResponse({ type: EditorialStatisticsResponse })
  async show(
    @CurrentJournal() journal: Journal,
    @Query() query: StatisticsQuery,
  ): Promise<EditorialStatisticsResponse> {
    return toEditorialStatisticsResponse(await this.statistics.compute(journal, query));
  }

  /**
   * A file of its own kind rather than a FileDownload: spreadsheet users open it from the
   * browser, so it keeps its plain `attachment; filename="…"` (ASCII: a slug and dates).
   */
  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('export.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The same statistics as CSV (UTF-8 with BOM), one row per figure: section,metric,key,value',
  })
  @ApiFileDownload({ description: 'section,metric,key,value', mediaTypes: ['text/csv'] })
  async export(
    @CurrentJournal() journal: Journal,
    @Query() query: StatisticsQuery,
  ): Promise<StreamableFile> {
    const csv = await this.statistics.exportCsv(journal, query);
    return new StreamableFile(Buffer.from(csv.content, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${csv.fileName}"`,
    });
  }
}
