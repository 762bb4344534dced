import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROOF_RESPONSES, type ProofResponseKind } from '../entities/proof-response.entity';

export class ProofResponseDto {
  @ApiProperty({ enum: PROOF_RESPONSES })
  @IsIn(PROOF_RESPONSES)
  response: ProofResponseKind;

  @ApiPropertyOptional({ description: 'What to correct (plain text), with response "corrections"' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  corrections?: string;
}
