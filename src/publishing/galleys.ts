import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { isLocale, type Locale } from '../common/i18n/locale';
import type { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { contentInUse } from '../submissions/content-in-use';
import type { FileIntake } from '../submissions/file-intake.service';
import { Galley } from './entities/galley.entity';

export interface ReceivedGalley {
  file: Awaited<ReturnType<FileIntake['receive']>>;
  locale: Locale;
}

/** Streams an uploaded galley (PDF, JATS XML, EPUB, typed by content) into storage. */
export async function receiveGalley(
  intake: FileIntake,
  manager: EntityManager,
  journal: Journal,
  request: Request,
  locale: string,
): Promise<ReceivedGalley> {
  if (!isLocale(locale)) throw problem(422, 'locale', 'The galley’s language must be ar, en or fr');
  const file = await intake.receive(request, 'galley', journal.maxUploadMb * 1024 * 1024, (key) =>
    contentInUse(manager, key),
  );
  return { file, locale };
}

/** The galley row of an article version or of an issue, last in its owner's order. */
export async function saveGalley(
  manager: EntityManager,
  owner: { publicationId: string } | { issueId: string },
  received: ReceivedGalley,
  label: string,
): Promise<Galley> {
  const { file, locale } = received;
  return manager.save(
    manager.create(Galley, {
      ...owner,
      label: label.trim() || file.mediaType,
      locale,
      mediaType: file.mediaType,
      storageKey: file.key,
      sha256: file.sha256,
      size: file.size,
      originalName: file.originalName,
      seq: await manager.countBy(Galley, owner),
    }),
  );
}
