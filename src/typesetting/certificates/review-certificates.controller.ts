import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../editorial/request-context';
import type { User } from '../../accounts/user.entity';
import { ReviewCertificates } from './review-certificates.service';

/** The reviewer's certificate of a completed review. */
@ApiTags('reviews')
@Controller('reviews')
export class ReviewCertificatesController {
  constructor(private readonly certificates: ReviewCertificates) {}

  @Get(':assignmentId/certificate')
  @ApiOperation({
    summary: 'My certificate of review (PDF), in my language, once the review is submitted',
  })
  async certificate(
    @CurrentUser() user: User,
    @Param('assignmentId', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const pdf = await this.certificates.pdf(user, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', 'attachment; filename="certificate-of-review.pdf"');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(pdf);
  }
}
