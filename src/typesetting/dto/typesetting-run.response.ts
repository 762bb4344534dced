import { ApiProperty } from '@nestjs/swagger';
import {
  TYPESETTING_SCOPES,
  TYPESETTING_STATUSES,
  type TypesettingOutput,
  type TypesettingRun,
  type TypesettingScope,
  type TypesettingStatus,
} from '../entities/typesetting-run.entity';

const OUTPUT_KINDS = ['issue-pdf', 'article-pdf', 'article-html', 'article-jats'] as const;

/** A file a run made (its storage key never leaves the server): download it by its index. */
export class TypesettingOutputResponse {
  @ApiProperty({ description: 'Its place among the run’s files: the `index` to download it' })
  index: number;

  @ApiProperty({ enum: OUTPUT_KINDS })
  kind: TypesettingOutput['kind'];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The article version it is of; null for the issue’s PDF',
  })
  publicationId: string | null;

  @ApiProperty()
  mediaType: string;

  @ApiProperty({ description: 'In bytes' })
  size: number;

  @ApiProperty()
  sha256: string;
}

/** A typesetting run as the editors follow it: status, step, percent, files. */
export class TypesettingRunResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TYPESETTING_SCOPES })
  scope: TypesettingScope;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  issueId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  submissionId: string | null;

  @ApiProperty({ enum: TYPESETTING_STATUSES })
  status: TypesettingStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  percent: number;

  @ApiProperty({ description: 'What the worker is doing, or did last' })
  step: string;

  @ApiProperty({ description: 'The inputs were unchanged: the previous run’s files are reused' })
  reused: boolean;

  @ApiProperty({ type: Number, nullable: true })
  pages: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, readably' })
  error: string | null;

  @ApiProperty({ type: [TypesettingOutputResponse] })
  outputs: TypesettingOutputResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: Date | null;
}

export function toTypesettingRunResponse(run: TypesettingRun): TypesettingRunResponse {
  return {
    id: run.id,
    scope: run.scope,
    issueId: run.issueId,
    submissionId: run.submissionId,
    status: run.status,
    percent: run.percent,
    step: run.step,
    reused: run.reused,
    pages: run.pages,
    error: run.error,
    outputs: run.outputs.map((output, index) => ({
      index,
      kind: output.kind,
      publicationId: output.publicationId,
      mediaType: output.mediaType,
      size: output.size,
      sha256: output.sha256,
    })),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
