import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';

export class PersonNameDto {
  @ApiPropertyOptional({ example: 'ليلى' })
  @IsString()
  @Length(1, 100)
  given: string;

  @ApiPropertyOptional({ example: 'بنعلي' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  family?: string;
}

/** A name per script (ISO 15924): Arabic, Latin, Tifinagh. At least one is required. */
export class PersonNamesDto {
  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  Arab?: PersonNameDto;

  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  Latn?: PersonNameDto;

  @ApiPropertyOptional({ type: PersonNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonNameDto)
  Tfng?: PersonNameDto;
}
