import { SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { readCatalog } from '../foundation/messages';
import {
  COMPUTED_KEYS,
  decisionViews,
  discussionState,
  historyLine,
  nextStep,
  ownTitle,
  reportView,
} from './author-view';

const DAY = 86_400_000;
const now = new Date('2026-05-01T12:00:00Z');
const base = { missing: 0, revisions: null, proofToAnswer: false, discussions: null, now };

describe('the author’s workspace as its pages show it', () => {
  it('has every key it computes in every catalog', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const catalog = readCatalog(locale);
      expect([locale, COMPUTED_KEYS.filter((key) => !(key in catalog))]).toEqual([locale, []]);
    }
  });

  it('puts the most pressing task first, a late revision marked overdue', () => {
    const late = new Date(now.getTime() - DAY);
    expect(
      nextStep({
        ...base,
        stage: 'review',
        revisions: { dueAt: late },
        discussions: { messages: 3, unread: 1, lastMessageAt: now, awaitingReply: 1 },
      }),
    ).toEqual({
      kind: 'revise',
      key: 'author.next.revise-by',
      dueAt: late,
      overdue: true,
      anchor: 'revision',
    });
    expect(nextStep({ ...base, stage: 'review', revisions: { dueAt: null } })).toMatchObject({
      key: 'author.next.revise',
      overdue: false,
    });
    expect(
      nextStep({
        ...base,
        stage: 'production',
        proofToAnswer: true,
        discussions: { messages: 1, unread: 0, lastMessageAt: now, awaitingReply: 1 },
      }),
    ).toMatchObject({ kind: 'proof', anchor: 'proofs' });
    expect(
      nextStep({
        ...base,
        stage: 'copyediting',
        discussions: { messages: 4, unread: 2, lastMessageAt: now, awaitingReply: 2 },
      }),
    ).toMatchObject({ kind: 'reply', count: 2 });
    expect(nextStep({ ...base, stage: 'draft', missing: 3 })).toMatchObject({
      kind: 'finish-draft',
      missing: 3,
    });
    // Nothing to do: what is happening, in the stage's words (never its code).
    expect(nextStep({ ...base, stage: 'submitted' })).toEqual({
      kind: 'wait',
      key: 'author.stage-help.submitted',
    });
  });

  it('counts the discussions that wait for the author (open, the last word someone else’s) and the unread messages', () => {
    const discussion = (
      lastWriterId: string,
      at: number,
      messages: number,
      unread: number,
      closedAt: Date | null = null,
    ) => ({ closedAt, messages, lastMessageAt: new Date(at), lastWriterId, unread });
    const discussions = [
      discussion('author', 2, 2, 0),
      discussion('editor', 5, 2, 1),
      discussion('editor', 4, 1, 1, new Date(9)),
    ];
    expect(discussionState(discussions, 'author')).toEqual({
      messages: 5,
      unread: 2,
      lastMessageAt: new Date(5),
      awaitingReply: 1,
    });
  });

  it('gives the title in the manuscript’s own language', () => {
    const metadata = [
      { locale: 'en' as const, title: 'Volunteers' },
      { locale: 'ar' as const, title: 'المتطوعون' },
    ];
    expect(ownTitle(metadata, 'ar')).toEqual({ ar: 'المتطوعون' });
    expect(ownTitle(metadata, 'fr')).toEqual({ en: 'Volunteers' });
    expect(ownTitle([], 'fr')).toBeNull();
  });

  it('words the history by kind, never by its code', () => {
    const event = (kind: string, data: Record<string, unknown>, actor = true) =>
      historyLine({
        type: 'event',
        at: now,
        kind,
        authorVisible: true,
        actor: actor ? { id: 'a', names: {} } : null,
        data,
      });
    expect(event('decision', { decision: 'accept' }).key).toBe('author.history.decision.accept');
    expect(event('submitted', { number: 'VOL-1' }).values).toEqual({ reference: 'VOL-1' });
    expect(event('file_uploaded', { originalName: 'x.docx' }, false).key).toBe(
      'author.history.file-shared',
    );
    expect(event('file_removed', { originalName: 'x.docx' })).toMatchObject({
      key: 'author.history.file-removed',
      values: { file: 'x.docx' },
    });
    expect(event('some_future_kind', {}).key).toBe('author.history.other');
  });

  it('reads the anonymisation report: what was removed, where the author’s name is left', () => {
    expect(
      reportView({
        removed: ['docProps/core.xml dc:creator'],
        summary: {
          property: 2,
          'comment-author': 0,
          'revision-author': 1,
          person: 0,
          'header-footer': 0,
          'image-metadata': 0,
          'whole-part': 0,
        },
        nameWarnings: [{ name: 'Benali', excerpt: '… by Benali …', location: 'body', page: 3 }],
        bodyTextChecked: true,
      }),
    ).toEqual({
      removed: [
        { key: 'author.report.removed.property', count: 2 },
        { key: 'author.report.removed.revision-author', count: 1 },
      ],
      details: ['docProps/core.xml dc:creator'],
      names: [
        {
          who: 'Benali',
          excerpt: '… by Benali …',
          page: 3,
          paragraph: undefined,
          line: undefined,
          part: null,
        },
      ],
      unchecked: false,
      heldReason: null,
    });
    expect(reportView(null)).toBeNull();
  });

  it('shows the decisions that said something to the author, newest first', () => {
    const decision = (id: string, letter: boolean) => ({
      id,
      decision: 'request_revisions' as const,
      decidedAt: now,
      round: 1,
      revisionsDueAt: null,
      letter: letter ? { subject: 'S', body: 'B' } : null,
      reviews: [],
      attachments: [],
    });
    expect(
      decisionViews([decision('a', true), decision('b', false), decision('c', true)]).map(
        (view) => view.id,
      ),
    ).toEqual(['c', 'a']);
  });
});
