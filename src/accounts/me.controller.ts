import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor, CurrentUser } from '../editorial/request-context';
import { AppConfig } from '../config/app-config';
import { PasswordConfirmationDto } from './dto/auth.dto';
import { UpdateProfileDto } from './dto/profile.dto';
import { ProfileService, profileView } from './profile.service';
import { clearSessionCookie } from './session-cookie';
import type { User } from './user.entity';

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
  async me(@CurrentUser() user: User) {
    return { ...profileView(user), roles: await this.profiles.rolesOf(user.id) };
  }

  @Patch()
  @ApiOperation({ summary: 'Update my profile (names per script, affiliation, ORCID, interests…)' })
  async update(
    @CurrentUser() user: User,
    @Body() dto: UpdateProfileDto,
    @CurrentActor() actor: Actor,
  ) {
    return profileView(await this.profiles.update(user, dto, actor));
  }

  @Get('export')
  @ApiOperation({ summary: 'Everything Tahkim holds about me, as JSON' })
  export(@CurrentUser() user: User) {
    return this.profiles.export(user);
  }

  @Post('delete')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete my account (anonymised; published authorship stays as published)',
  })
  async delete(
    @CurrentUser() user: User,
    @Body() dto: PasswordConfirmationDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.profiles.delete(user, dto.password, actor);
    clearSessionCookie(response, this.config);
  }
}
