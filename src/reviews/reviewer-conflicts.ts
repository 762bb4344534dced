import type { EntityManager } from 'typeorm';
import type { ConflictOfInterest } from './entities/review-assignment.entity';

/**
 * Conflicts of interest between a submission and possible reviewers, found in SQL:
 * - `contributor`: the reviewer submitted it or is one of its contributors (by email);
 * - `shared_affiliation`: the reviewer's affiliation equals a contributor's (case and spacing
 *   aside);
 * - `coauthor`: the reviewer and one of its contributors are contributors together to another
 *   submission in this journal.
 * A contributor can never review; the other two need the editor's stated reason.
 */
export async function findConflicts(
  manager: EntityManager,
  submissionId: string,
  reviewerIds: string[],
): Promise<Map<string, ConflictOfInterest[]>> {
  const conflicts = new Map<string, ConflictOfInterest[]>(reviewerIds.map((id) => [id, []]));
  if (reviewerIds.length === 0) return conflicts;
  const rows: { reviewer_id: string; kind: ConflictOfInterest['kind']; detail: string }[] =
    await manager.query(
      `WITH sub AS (SELECT id, journal_id, submitter_id FROM submissions WHERE id = $1),
            c AS (SELECT email, lower(btrim(regexp_replace(affiliation, '\\s+', ' ', 'g'))) AS aff
                    FROM contributors WHERE submission_id = $1),
            r AS (SELECT id, email, affiliation,
                         lower(btrim(regexp_replace(coalesce(affiliation, ''), '\\s+', ' ', 'g'))) AS aff
                    FROM users WHERE id = ANY($2::uuid[]))
       SELECT r.id AS reviewer_id, 'contributor' AS kind, 'contributor to this submission' AS detail
         FROM r WHERE r.email IN (SELECT email FROM c) OR r.id = (SELECT submitter_id FROM sub)
       UNION
       SELECT r.id, 'shared_affiliation', r.affiliation
         FROM r JOIN c ON c.aff = r.aff WHERE r.aff <> ''
       UNION
       SELECT r.id, 'coauthor', coalesce(other.number, other.id::text)
         FROM r
         JOIN contributors mine ON mine.email = r.email
         JOIN submissions other ON other.id = mine.submission_id
          AND other.journal_id = (SELECT journal_id FROM sub) AND other.id <> $1
          AND other.stage <> 'draft'
         JOIN contributors theirs ON theirs.submission_id = other.id AND theirs.email <> r.email
          AND theirs.email IN (SELECT email FROM c)`,
      [submissionId, reviewerIds],
    );
  for (const row of rows)
    conflicts.get(row.reviewer_id)?.push({ kind: row.kind, detail: row.detail });
  return conflicts;
}
