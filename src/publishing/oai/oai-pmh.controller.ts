import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../editorial/public';
import { OaiPmh } from './oai-pmh.service';

const OAI_XML = ApiOkResponse({
  description: 'An OAI-PMH 2.0 response (protocol errors included, as the protocol says)',
  content: { 'text/xml': { schema: { type: 'string' } } },
});

/**
 * OAI-PMH 2.0 for harvesters (BASE, CORE, national aggregators): GET with query arguments or
 * POST with a form body, as the protocol allows; XML answers, errors included, with HTTP 200.
 */
@ApiTags('public')
@Controller('oai')
export class OaiPmhController {
  constructor(private readonly oai: OaiPmh) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({ summary: 'OAI-PMH 2.0: ?verb=Identify, ListRecords&metadataPrefix=oai_dc, …' })
  @ApiProduces('text/xml')
  @OAI_XML
  get(@Query() query: Record<string, unknown>): Promise<string> {
    return this.oai.answer(query);
  }

  @Public()
  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({
    summary: 'OAI-PMH 2.0 with the arguments in an application/x-www-form-urlencoded body',
  })
  @ApiProduces('text/xml')
  @OAI_XML
  post(@Body() body: Record<string, unknown>): Promise<string> {
    return this.oai.answer(body ?? {});
  }
}
