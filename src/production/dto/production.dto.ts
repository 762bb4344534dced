import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PRODUCTION_STAGES, type ProductionStage } from '../production-stages';

/** Something other than whitespace. */
const NOT_BLANK = /\S/;

export class StageAssignmentDto {
  @ApiProperty({ format: 'uuid', description: 'A copyeditor or production editor of the journal' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: PRODUCTION_STAGES })
  @IsIn(PRODUCTION_STAGES)
  stage: ProductionStage;
}

export class GalleySourceDto {
  @ApiProperty({ format: 'uuid', description: 'A manuscript or copyedited file of the submission' })
  @IsUUID()
  fileId: string;
}

export class MessageDto {
  @ApiProperty({ description: 'Plain text; line breaks are kept' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(20_000)
  body: string;
}

export class StartDiscussionDto extends MessageDto {
  @ApiProperty({ enum: PRODUCTION_STAGES })
  @IsIn(PRODUCTION_STAGES)
  stage: ProductionStage;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(300)
  subject: string;
}
