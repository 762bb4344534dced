import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PersonNamesDto } from '../../accounts';
import { CursorQuery } from '../../common/pagination/cursor-page';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { JOURNAL_ROLES, type JournalRoleName } from '../../editorial/roles';

export class EnrolDto {
  @ApiProperty({ example: 'reviewer@example.org' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: JOURNAL_ROLES })
  @IsIn(JOURNAL_ROLES)
  role: JournalRoleName;

  @ApiPropertyOptional({
    type: PersonNamesDto,
    description: 'Required when the address has no account yet',
  })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false }, { message: 'must give a name in at least one script' })
  @ValidateNested()
  @Type(() => PersonNamesDto)
  names?: PersonNamesDto;

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    description: 'Language of the invitation for a new account',
  })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  preferredLocale?: Locale;
}

export const SELF_ENROLLABLE_ROLES = ['author', 'reader'] as const;

export class SelfEnrolDto {
  @ApiProperty({ enum: SELF_ENROLLABLE_ROLES })
  @IsIn(SELF_ENROLLABLE_ROLES)
  role: (typeof SELF_ENROLLABLE_ROLES)[number];
}

export class RoleListQuery extends CursorQuery {
  @ApiPropertyOptional({ enum: JOURNAL_ROLES })
  @IsOptional()
  @IsIn(JOURNAL_ROLES)
  role?: JournalRoleName;
}
