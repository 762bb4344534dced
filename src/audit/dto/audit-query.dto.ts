import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { CursorQuery } from '../../common/pagination/cursor-page';

export class AuditQuery extends CursorQuery {
  @ApiPropertyOptional({ example: 'section' })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'must be an object type such as journal, section, user' })
  objectType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  objectId?: string;

  @ApiPropertyOptional({ example: 'journal.settings_updated' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,60}$/, { message: 'must be an action such as journal.settings_updated' })
  action?: string;
}

export class SiteAuditQuery extends AuditQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journalId?: string;
}
