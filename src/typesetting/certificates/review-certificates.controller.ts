import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FileDownload } from '../../common/http/files';
import type { Person } from '../../editorial/people';
import { CurrentUser } from '../../editorial/request-context';
import { ReviewCertificates } from './review-certificates.service';

/** The reviewer's certificate of a completed review. */
@ApiTags('reviews')
@Controller('reviews')
export class ReviewCertificatesController {
  constructor(private readonly certificates: ReviewCertificates) {}

  @Get(':assignmentId/certificate')
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'My review assignment' })
  @ApiOperation({
    summary: 'My certificate of review (PDF), in my language, once the review is submitted',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The certificate',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  certificate(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
  ): Promise<FileDownload> {
    return this.certificates.pdf(user, id);
  }
}
