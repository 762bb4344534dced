import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { JournalAccess } from '../editorial/journal-access';
import {
  type Actor,
  CurrentActor,
  CurrentJournalRef,
  type JournalRef,
} from '../editorial/request-context';
import { EDITORS, MANAGERS } from '../editorial/roles';
import { CreateReviewFormDto, UpdateReviewFormDto } from './dto/review-form.dto';
import { ReviewFormResponse, toReviewFormResponse } from './dto/review-form.response';
import { ReviewFormsService } from './review-forms.service';

const FORM = ApiParam({ name: 'formId', format: 'uuid' });

/** Managers define the journal's review forms; editors read them to choose one. */
@ApiTags('reviews')
@Controller('journals/:slug/review-forms')
export class ReviewFormsController {
  constructor(private readonly forms: ReviewFormsService) {}

  @JournalAccess({ roles: EDITORS })
  @Get()
  @ApiOperation({ summary: 'The journal’s review forms' })
  @ApiOkResponse({ type: [ReviewFormResponse] })
  async list(@CurrentJournalRef() journal: JournalRef): Promise<ReviewFormResponse[]> {
    return (await this.forms.list(journal)).map(toReviewFormResponse);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':formId')
  @ApiOperation({ summary: 'One review form' })
  @FORM
  @ApiOkResponse({ type: ReviewFormResponse })
  async get(
    @CurrentJournalRef() journal: JournalRef,
    @Param('formId', ParseUUIDPipe) formId: string,
  ): Promise<ReviewFormResponse> {
    return toReviewFormResponse(await this.forms.get(journal, formId));
  }

  @JournalAccess({ roles: MANAGERS })
  @Post()
  @ApiOperation({ summary: 'Create a review form (text, scale, yes/no and choice questions)' })
  @ApiCreatedResponse({ type: ReviewFormResponse })
  async create(
    @CurrentJournalRef() journal: JournalRef,
    @Body() dto: CreateReviewFormDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewFormResponse> {
    return toReviewFormResponse(await this.forms.create(journal, dto, actor));
  }

  @JournalAccess({ roles: MANAGERS })
  @Patch(':formId')
  @ApiOperation({ summary: 'Edit a review form (reviews already begun keep their questions)' })
  @FORM
  @ApiOkResponse({ type: ReviewFormResponse })
  async update(
    @CurrentJournalRef() journal: JournalRef,
    @Param('formId', ParseUUIDPipe) formId: string,
    @Body() dto: UpdateReviewFormDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewFormResponse> {
    return toReviewFormResponse(await this.forms.update(journal, formId, dto, actor));
  }
}
