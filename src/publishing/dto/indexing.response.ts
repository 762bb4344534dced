import { ApiProperty } from '@nestjs/swagger';
import type { DepositView } from '../crossref-deposits.service';
import type { DoajExportView } from '../doaj-exports.service';
import { DEPOSIT_STATUSES, type DepositStatus } from '../entities/crossref-deposit.entity';
import { DOAJ_EXPORT_STATUSES, type DoajExportStatus } from '../entities/doaj-export.entity';

/** A Crossref deposit of an issue: requested, built, failed, or registered. */
export class CrossrefDepositResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  issueId: string;

  @ApiProperty({ description: 'Crossref’s doi_batch_id' })
  batchId: string;

  @ApiProperty({ enum: DEPOSIT_STATUSES })
  status: DepositStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Of the built file' })
  sha256: string | null;

  @ApiProperty({ description: 'How many articles it deposits' })
  articles: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, for the editors' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  builtAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  registeredAt: Date | null;
}

export function toCrossrefDepositResponse(deposit: DepositView): CrossrefDepositResponse {
  return {
    id: deposit.id,
    issueId: deposit.issueId,
    batchId: deposit.batchId,
    status: deposit.status,
    sha256: deposit.sha256,
    articles: deposit.articles,
    error: deposit.error,
    createdAt: deposit.createdAt,
    builtAt: deposit.builtAt,
    registeredAt: deposit.registeredAt,
  };
}

/** A DOAJ article upload of an issue: requested, built, or failed. */
export class DoajExportResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  issueId: string;

  @ApiProperty({ enum: DOAJ_EXPORT_STATUSES })
  status: DoajExportStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Of the built file' })
  sha256: string | null;

  @ApiProperty({ description: 'How many articles it exports' })
  articles: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, for the editors' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  builtAt: Date | null;
}

export function toDoajExportResponse(exported: DoajExportView): DoajExportResponse {
  return {
    id: exported.id,
    issueId: exported.issueId,
    status: exported.status,
    sha256: exported.sha256,
    articles: exported.articles,
    error: exported.error,
    createdAt: exported.createdAt,
    builtAt: exported.builtAt,
  };
}
