import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import type { Person } from '../editorial/people';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { AccountExportResponse, toAccountExportResponse } from './dto/account-export.response';
import { PasswordConfirmationDto } from './dto/auth.dto';
import { UpdateProfileDto } from './dto/profile.dto';
import {
  MeResponse,
  ProfileResponse,
  toProfileResponse,
  toRoleHeldResponse,
} from './dto/profile.response';
import { ProfileService } from './profile.service';
import { clearSessionCookie } from './session-cookie';

/** The signed-in person's own account. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My profile and my roles in each journal' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentUser() person: Person): Promise<MeResponse> {
    const { user, roles } = await this.profiles.profile(person.id);
    return { ...toProfileResponse(user), roles: roles.map(toRoleHeldResponse) };
  }

  @Patch()
  @ApiOperation({ summary: 'Update my profile (names per script, affiliation, ORCID, interests…)' })
  @ApiOkResponse({ type: ProfileResponse })
  async update(
    @CurrentUser() person: Person,
    @Body() dto: UpdateProfileDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProfileResponse> {
    return toProfileResponse(await this.profiles.update(person.id, dto, actor));
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything Tahkim holds about me, as JSON' })
  @ApiOkResponse({ type: AccountExportResponse })
  async export(@CurrentUser() person: Person): Promise<AccountExportResponse> {
    return toAccountExportResponse(await this.profiles.export(person.id));
  }

  @Post('delete')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete my account (anonymised; published authorship stays as published)',
  })
  @ApiNoContentResponse({ description: 'The account is deleted; the cookie is cleared' })
  async delete(
    @CurrentUser() person: Person,
    @Body() dto: PasswordConfirmationDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.profiles.delete(person.id, dto.password, actor);
    clearSessionCookie(response, this.config);
  }
}
