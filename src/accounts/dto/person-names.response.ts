import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PersonNameResponse {
  @ApiProperty({ example: 'ليلى' })
  given: string;

  @ApiPropertyOptional({ example: 'بنعلي' })
  family?: string;
}

/** A person's name per script (ISO 15924): Arabic, Latin, Tifinagh; any may be missing. */
export class PersonNamesResponse {
  @ApiPropertyOptional({ type: PersonNameResponse })
  Arab?: PersonNameResponse;

  @ApiPropertyOptional({ type: PersonNameResponse })
  Latn?: PersonNameResponse;

  @ApiPropertyOptional({ type: PersonNameResponse })
  Tfng?: PersonNameResponse;
}
