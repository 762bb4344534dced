import { Injectable } from '@nestjs/common';
import { Repository } from './transactions';

/**
 * The PostgreSQL channel on which a journal's public record announces that it changed; the
 * payload is the journal's id. Whoever keeps published pages (the web's catalogue cache)
 * listens on it.
 */
export const CATALOGUE_CHANNEL = 'tahkim_public_catalogue';

/**
 * Tells those who cache the public catalogue that a journal's public record changed: an issue
 * published or taken back, a correction or a notice published, typeset galleys replaced, a
 * published issue's titles or cover changed. A NOTIFY in the ambient transaction: PostgreSQL
 * delivers it when the transaction commits and drops it when it rolls back, so no listener
 * hears of a change before readers can see it, and every process (the API's replicas, the
 * worker publishing a scheduled issue) reaches every listener.
 */
@Injectable()
export class CatalogueChanges extends Repository {
  async journalChanged(journalId: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [CATALOGUE_CHANNEL, journalId]);
  }

  /** The public record of the journal an issue belongs to changed. */
  async issueChanged(issueId: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, journal_id::text) FROM issues WHERE id = $2', [
      CATALOGUE_CHANNEL,
      issueId,
    ]);
  }
}
