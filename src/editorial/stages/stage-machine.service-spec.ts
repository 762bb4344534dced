import { startServiceContext, type ServiceContext } from '../../../test/support/service-context';
import { problemType } from '../../common/problems/problem-registry';
import type { Person } from '../people';
import { EDITORS, JOURNAL_EDITORS } from '../roles';
import { type Mover, StageMachine, type StageMove } from './stage-machine';
import {
  STAGE_ARROWS,
  type StageArrow,
  SUBMISSION_STAGES,
  type SubmissionStage,
} from './stage-transitions';

/** A refusal of this problem type (`urn:tahkim:problem:<code>`), as the machine throws it. */
const refusal = (code: string) => ({
  problem: expect.objectContaining({ type: problemType(code) }),
});

/**
 * The stage machine against the database: every arrow of the transition table from every
 * stage (taken where it starts, refused elsewhere with nothing changed), who may take each,
 * the lock version, and the event it records.
 */
describe('StageMachine', () => {
  let context: ServiceContext;
  let machine: StageMachine;
  let author: Person;
  let id: string;

  beforeAll(async () => {
    context = await startServiceContext();
    machine = context.get(StageMachine);
    author = await context.person('author1');
    ({ id } = await context.given.draft('author1'));
  });

  afterAll(async () => {
    await context?.close();
  });

  /** Puts the submission at `stage` with this lock version (a fixture, not a step). */
  const put = (stage: SubmissionStage, lockVersion = 5) =>
    context.dataSource.query('UPDATE submissions SET stage = $2, lock_version = $3 WHERE id = $1', [
      id,
      stage,
      lockVersion,
    ]);
  const state = () => context.given.state(id);
  const move = (step: StageMove['step'], by: Mover, more: Partial<StageMove> = {}) =>
    context.services.transactions.withTransaction(() =>
      machine.move(id, { step, by, actor: context.actor(author), ...more }),
    );
  /** Someone the arrow lets take it. */
  const takerOf = (arrow: StageArrow): Mover =>
    arrow.by.kind === 'author'
      ? { kind: 'author' }
      : { kind: 'staff', roles: [arrow.by.roles[0]], isSiteAdmin: false };
  /** Where the arrow leads (a revert: back to review, as the caller says). */
  const targetOf = (arrow: StageArrow): SubmissionStage =>
    arrow.to === 'previous' ? 'review' : arrow.to;

  describe.each(STAGE_ARROWS.map((arrow) => [arrow.step, arrow] as const))('%s', (_, arrow) => {
    it.each(SUBMISSION_STAGES.filter((stage) => arrow.from.includes(stage)))(
      'is taken from %s, bumping the lock version',
      async (stage) => {
        await put(stage);
        const moved = await move(arrow.step, takerOf(arrow), { lockVersion: 5, to: 'review' });
        expect(moved).toEqual({ from: stage, to: targetOf(arrow), lockVersion: 6 });
        expect(await state()).toEqual({ stage: targetOf(arrow), lockVersion: 6 });
      },
    );

    it.each(SUBMISSION_STAGES.filter((stage) => !arrow.from.includes(stage)))(
      'is refused from %s, changing nothing',
      async (stage) => {
        await put(stage);
        await expect(
          move(arrow.step, takerOf(arrow), { lockVersion: 5, to: 'review' }),
        ).rejects.toMatchObject(refusal('transition-not-allowed'));
        expect(await state()).toEqual({ stage, lockVersion: 5 });
      },
    );
  });

  describe('takers', () => {
    it.each(EDITORS)('lets a %s take an editors’ decision', async (role) => {
      await put('submitted');
      await expect(move('send_to_review', staff(role))).resolves.toMatchObject({
        to: 'review',
      });
    });

    it.each(['reviewer', 'author', 'copyeditor', 'production_editor', 'reader'])(
      'refuses an editors’ decision to a %s, changing nothing',
      async (role) => {
        await put('submitted');
        await expect(move('send_to_review', staff(role))).rejects.toMatchObject(
          refusal('step-forbidden'),
        );
        expect(await state()).toEqual({ stage: 'submitted', lockVersion: 5 });
      },
    );

    it('lets a site administrator take any staff step, whatever their roles', async () => {
      await put('submitted');
      await expect(
        move('send_to_review', { kind: 'staff', roles: [], isSiteAdmin: true }),
      ).resolves.toMatchObject({ to: 'review' });
    });

    it('keeps the author’s steps to the author, and the author off the editors’ ones', async () => {
      await put('draft');
      await expect(move('submit', staff('editor'))).rejects.toMatchObject(
        refusal('step-forbidden'),
      );
      await put('submitted');
      await expect(move('withdraw', staff('manager'))).rejects.toMatchObject(
        refusal('step-forbidden'),
      );
      await expect(move('send_to_review', { kind: 'author' })).rejects.toMatchObject(
        refusal('step-forbidden'),
      );
      expect(await state()).toEqual({ stage: 'submitted', lockVersion: 5 });
    });

    it('lets the worker publish, schedule and unschedule, and take no decision', async () => {
      await put('production');
      await expect(move('schedule', { kind: 'system' })).resolves.toMatchObject({
        to: 'scheduled',
      });
      await expect(move('publish', { kind: 'system' })).resolves.toMatchObject({
        to: 'published',
      });
      await put('copyediting');
      await expect(move('send_to_production', { kind: 'system' })).rejects.toMatchObject(
        refusal('step-forbidden'),
      );
    });

    it.each(JOURNAL_EDITORS)('lets a %s publish an issue’s article', async (role) => {
      await put('production');
      await expect(move('publish', staff(role))).resolves.toMatchObject({
        to: 'published',
      });
    });

    it('keeps publishing from section editors', async () => {
      await put('production');
      await expect(move('publish', staff('section_editor'))).rejects.toMatchObject(
        refusal('step-forbidden'),
      );
    });
  });

  describe('lock version', () => {
    it('refuses a move on a version the mover did not see, changing nothing', async () => {
      await put('submitted', 9);
      await expect(
        move('send_to_review', staff('editor'), { lockVersion: 8 }),
      ).rejects.toMatchObject(refusal('stale-submission'));
      expect(await state()).toEqual({ stage: 'submitted', lockVersion: 9 });
    });

    it('takes the row’s version when the mover gives none, and bumps it', async () => {
      await put('submitted', 9);
      await expect(move('send_to_review', staff('editor'))).resolves.toEqual({
        from: 'submitted',
        to: 'review',
        lockVersion: 10,
      });
    });

    it('lets one of two concurrent moves on the same version through', async () => {
      await put('submitted', 3);
      const results = await Promise.allSettled([
        move('send_to_review', staff('editor'), { lockVersion: 3 }),
        move('decline_without_review', staff('editor'), { lockVersion: 3 }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect((await state()).lockVersion).toBe(4);
    });

    it('says in the caller’s words when it is stale', async () => {
      await put('submitted', 2);
      const stale = new Error('reload it');
      await expect(
        move('send_to_review', staff('editor'), {
          lockVersion: 1,
          refuse: { stale: () => stale as never },
        }),
      ).rejects.toBe(stale);
    });
  });

  describe('the event', () => {
    const events = async () =>
      (await context.dataSource.query(
        `SELECT kind, author_visible, actor_id, data FROM submission_events
          WHERE submission_id = $1 ORDER BY occurred_at`,
        [id],
      )) as { kind: string; author_visible: boolean; actor_id: string; data: unknown }[];

    it('records the event it is given, with its visibility to the author and its doer', async () => {
      await put('submitted');
      const before = (await events()).length;
      await move(
        'withdraw',
        { kind: 'author' },
        { event: { kind: 'withdrawn', data: { reason: 'Why not.' } } },
      );
      const after = await events();
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toEqual({
        kind: 'withdrawn',
        author_visible: true,
        actor_id: author.id,
        data: { reason: 'Why not.' },
      });
    });

    it('records nothing unless given an event, and nothing when refused', async () => {
      await put('submitted');
      const before = (await events()).length;
      await move('send_to_review', staff('editor'));
      await put('draft');
      await expect(
        move(
          'withdraw',
          { kind: 'author' },
          { event: { kind: 'withdrawn', data: { reason: 'No.' } } },
        ),
      ).rejects.toMatchObject(refusal('transition-not-allowed'));
      expect(await events()).toHaveLength(before);
    });
  });

  it('needs the caller to say where a revert leads', async () => {
    await put('declined');
    await expect(move('revert_decline', staff('editor'))).rejects.toThrow(/previous stage/);
    await expect(
      move('revert_decline', staff('editor'), { to: 'submitted' }),
    ).resolves.toMatchObject({
      to: 'submitted',
    });
  });

  function staff(...roles: string[]): Mover {
    return { kind: 'staff', roles: roles as never, isSiteAdmin: false };
  }
});
