import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { PersonNamesDto } from './person-names.dto';

export class EmailDto {
  @ApiProperty({ example: 'leila.benali@example.org' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;
}

export class RegisterDto extends EmailDto {
  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiProperty({ type: PersonNamesDto })
  @IsNotEmptyObject({ nullable: false }, { message: 'must give a name in at least one script' })
  @ValidateNested()
  @Type(() => PersonNamesDto)
  names: PersonNamesDto;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, default: 'ar' })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  preferredLocale?: Locale;
}

export class LoginDto extends EmailDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @Length(10, 200)
  token: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class AcceptInvitationDto extends TokenDto {
  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({
    type: PersonNamesDto,
    description: 'Corrects the names the editor entered',
  })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false }, { message: 'must give a name in at least one script' })
  @ValidateNested()
  @Type(() => PersonNamesDto)
  names?: PersonNamesDto;
}

export class PasswordConfirmationDto {
  @ApiProperty({ description: 'Your current password, to confirm' })
  @IsString()
  @MaxLength(256)
  password: string;
}
