import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale, LocalizedText } from '../common/i18n/locale';

/**
 * A journal hosted by this installation. The foundation keeps the identity and publishing facts
 * every later feature reads (titles, languages, ISSNs, publisher, licence); journal settings,
 * sections and roles extend it.
 */
@Entity('journals')
export class Journal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug: string;

  @Column({ type: 'jsonb' })
  titles: LocalizedText;

  @Column({ type: 'varchar', length: 5 })
  primaryLocale: Locale;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  additionalLocales: Locale[];

  @Column({ type: 'varchar', length: 9, nullable: true, unique: true })
  onlineIssn: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true, unique: true })
  printIssn: string | null;

  @Column({ type: 'varchar', length: 300 })
  publisherName: string;

  @Column({ type: 'varchar', length: 300 })
  licenceUrl: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
