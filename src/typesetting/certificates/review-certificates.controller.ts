import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiFileDownload } from '../../common/http/api-file-download.decorator';
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
  @ApiFileDownload({ description: 'The certificate', mediaTypes: ['application/pdf'] })
  certificate(
    @CurrentUser() user: Person,
    @Param('assignmentId', ParseUUIDPipe) id: string,
  ): Promise<FileDownload> {
    return this.certificates.pdf(user, id);
  }
}
