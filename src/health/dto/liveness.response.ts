import { ApiProperty } from '@nestjs/swagger';

/** The liveness probe's answer: the process serves requests (nothing else is checked). */
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

export function toLivenessResponse(): LivenessResponse {
  return { status: 'ok' };
}
