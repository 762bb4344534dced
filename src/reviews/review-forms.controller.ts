import { EDITORS, MANAGERS } from '../editorial/roles';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, CurrentActor } from '../editorial/request-context';
import { JournalAccess } from '../editorial/journal-access';
import { CreateReviewFormDto, UpdateReviewFormDto } from './dto/review-form.dto';
import { ReviewFormsService } from './review-forms.service';

/** Managers define the journal's review forms; editors read them to choose one. */
@ApiTags('reviews')
@Controller('journals/:slug/review-forms')
export class ReviewFormsController {
  constructor(private readonly forms: ReviewFormsService) {}

  @JournalAccess({ roles: EDITORS })
  @Get()
  @ApiOperation({ summary: 'The journal’s review forms' })
  list(@Req() request: Request) {
    return this.forms.list(request.journal!);
  }

  @JournalAccess({ roles: EDITORS })
  @Get(':formId')
  @ApiOperation({ summary: 'One review form' })
  get(@Req() request: Request, @Param('formId', ParseUUIDPipe) formId: string) {
    return this.forms.get(request.journal!, formId);
  }

  @JournalAccess({ roles: MANAGERS })
  @Post()
  @ApiOperation({ summary: 'Create a review form (text, scale, yes/no and choice questions)' })
  create(@Req() request: Request, @Body() dto: CreateReviewFormDto, @CurrentActor() actor: Actor) {
    return this.forms.create(request.journal!, dto, actor);
  }

  @JournalAccess({ roles: MANAGERS })
  @Patch(':formId')
  @ApiOperation({ summary: 'Edit a review form (reviews already begun keep their questions)' })
  update(
    @Req() request: Request,
    @Param('formId', ParseUUIDPipe) formId: string,
    @Body() dto: UpdateReviewFormDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.forms.update(request.journal!, formId, dto, actor);
  }
}
