import { JOURNAL_EDITORS } from '../editorial/roles';
import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JournalAccess } from '../editorial/journal-access';
import { UTF8_BOM } from './csv';
import { StatisticsQuery } from './dto/statistics-query.dto';
import { resolvePeriod } from './period';
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
  show(@Req() request: Request, @Query() query: StatisticsQuery) {
    return this.statistics.compute(request.journal!, resolvePeriod(query));
  }

  @JournalAccess({ roles: JOURNAL_EDITORS })
  @Get('export.csv')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'The same statistics as CSV (UTF-8 with BOM), one row per figure: section,metric,key,value',
  })
  async export(
    @Req() request: Request,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const journal = request.journal!;
    const period = resolvePeriod(query);
    const csv = this.statistics.toCsv(await this.statistics.compute(journal, period));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="statistics-${journal.slug}-${period.from}-${period.to}.csv"`,
    );
    return UTF8_BOM + csv;
  }
}
