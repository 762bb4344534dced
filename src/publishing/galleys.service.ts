import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { ReceivedFile, UploadSource } from '../common/http/files';
import { isLocale, type Locale } from '../common/i18n/locale';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Actor, Viewer } from '../editorial/request-context';
import { StoredContent } from '../editorial/stored-content';
import type { Journal } from '../journals';
import { FileIntake } from '../submissions';
import type { Galley } from './entities/galley.entity';
import { type GalleyOwner, GalleysRepository } from './galleys.repository';
import { PublicationsService } from './publications.service';
import { publishingProblems } from './publishing.problems';

/** A galley file received into storage, with the language it is in. */
export interface ReceivedGalley {
  file: ReceivedFile;
  locale: Locale;
}

/**
 * Galleys, the files readers get: uploaded by the production editor or the editors (PDF, JATS
 * XML, EPUB, typed by their content) for an article's record in preparation or for an issue.
 * Typesetting's own galleys are TypesetOutputs'.
 */
@Injectable()
export class GalleysService {
  constructor(
    private readonly galleys: GalleysRepository,
    private readonly publications: PublicationsService,
    private readonly intake: FileIntake,
    private readonly stored: StoredContent,
    private readonly events: SubmissionEvents,
  ) {}

  /** Streams an uploaded galley into storage, once its language is known to be the site's. */
  async receive(journal: Journal, upload: UploadSource, locale: string): Promise<ReceivedGalley> {
    if (!isLocale(locale))
      throw publishingProblems.raise('locale', 'The galley’s language must be ar, en or fr');
    const file = await this.intake.receive(
      upload,
      'galley',
      journal.maxUploadMb * 1024 * 1024,
      (key) => this.stored.inUse(key),
    );
    return { file, locale };
  }

  /** The galley row of an article version or of an issue, last in its owner's order. */
  save(owner: GalleyOwner, { file, locale }: ReceivedGalley, label: string): Promise<Galley> {
    return this.galleys.add(owner, {
      label: label.trim() || file.mediaType,
      locale,
      mediaType: file.mediaType,
      storageKey: file.key,
      sha256: file.sha256,
      size: file.size,
      originalName: file.originalName,
    });
  }

  /** A galley of the article's record in preparation (read only once the caller may add it). */
  async addToArticle(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    upload: UploadSource,
    label: string,
    locale: string,
    actor: Actor,
  ): Promise<Galley> {
    await this.publications.prepares(journal, viewer, submissionId);
    const record = await this.publications.draft(submissionId, false);
    const received = await this.receive(journal, upload, locale);
    return this.saveToArticle(submissionId, record.id, received, label, actor);
  }

  @Transactional()
  private async saveToArticle(
    submissionId: string,
    publicationId: string,
    received: ReceivedGalley,
    label: string,
    actor: Actor,
  ): Promise<Galley> {
    const galley = await this.save({ publicationId }, received, label);
    await this.events.record(submissionId, actor, {
      kind: 'galley_added',
      data: { galleyId: galley.id },
    });
    return galley;
  }

  @Transactional()
  async removeFromArticle(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    galleyId: string,
    actor: Actor,
  ): Promise<void> {
    await this.publications.prepares(journal, viewer, submissionId);
    const record = await this.publications.draft(submissionId);
    if (!(await this.galleys.remove({ publicationId: record.id }, galleyId)))
      throw httpProblems.raise(
        'not-found',
        'The draft record has no such galley (published ones stay)',
      );
    await this.events.record(submissionId, actor, { kind: 'galley_removed', data: { galleyId } });
  }
}
