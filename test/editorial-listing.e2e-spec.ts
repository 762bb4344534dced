import { User } from '../src/accounts/user.entity';
import { seedDemo } from '../src/demo';
import { type Stack, startStack, binaryBody } from './support/api-with-worker';
import { signIn } from './support/sign-in';

/**
 * The editors' list over the demo submissions: two submitted, three in review (one with a late
 * reviewer, one awaiting revisions), one in copyediting, one in production, two published, one
 * withdrawn and one draft.
 */
describe('editorial listing', () => {
  let stack: Stack;
  const auth: Record<string, string> = {};

  const list = (who: string, query = '') =>
    stack
      .http()
      .get(`/api/journals/volunteering/submissions${query}`)
      .set('Authorization', auth[who])
      .expect(200);
  const titles = (body: { items: { titles: Record<string, string> }[] }) =>
    body.items.map((item) => item.titles.en).sort();

  beforeAll(async () => {
    stack = await startStack();
    await seedDemo(stack.api);
    for (const key of [
      'editor',
      'manager',
      'section.field',
      'section.policy',
      'author1',
      'reviewer1',
    ])
      auth[key] = await signIn(stack, key);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows editors every submitted manuscript, never drafts', async () => {
    const response = await list('editor');
    expect(titles(response.body)).toEqual([
      'Associative volunteering in Morocco: a survey',
      'Digital volunteering in the Gulf states: platforms and volunteers',
      'Legal frameworks for volunteering in the Maghreb',
      'Measuring the value of volunteer time',
      'Student volunteers in Rabat during the 2025 floods',
      'Volunteer management standards in Gulf non-profits',
      'Volunteering and social cohesion in Gulf cities',
      'Why volunteers stay: retention in Moroccan associations',
      'Youth volunteer work camps in the Rif',
      'Youth volunteering in the working-class districts of Casablanca',
    ]);
    expect(
      response.body.items.every((item: { number: string }) =>
        /^VOL-\d{4}-\d{4}$/.test(item.number),
      ),
    ).toBe(true);
  });

  it('counts per stage under the same filters', async () => {
    const counts = await stack
      .http()
      .get('/api/journals/volunteering/submissions/counts')
      .set('Authorization', auth.manager)
      .expect(200);
    expect(counts.body).toEqual({
      submitted: 2,
      review: 3,
      copyediting: 1,
      production: 1,
      published: 2,
      withdrawn: 1,
    });
    const french = await stack
      .http()
      .get('/api/journals/volunteering/submissions/counts?locale=fr')
      .set('Authorization', auth.manager)
      .expect(200);
    expect(french.body).toEqual({ submitted: 1, review: 1, published: 1 });
  });

  it('shows a section editor only their sections', async () => {
    expect(titles((await list('section.field')).body)).toEqual([
      'Student volunteers in Rabat during the 2025 floods',
      'Youth volunteer work camps in the Rif',
      'Youth volunteering in the working-class districts of Casablanca',
    ]);
    expect(titles((await list('section.policy')).body)).toEqual([
      'Legal frameworks for volunteering in the Maghreb',
      'Volunteer management standards in Gulf non-profits',
    ]);
  });

  it('filters by stage, language and assigned editor', async () => {
    expect(titles((await list('editor', '?stage=withdrawn')).body)).toEqual([
      'Measuring the value of volunteer time',
    ]);
    expect(titles((await list('editor', '?locale=ar')).body)).toEqual([
      'Digital volunteering in the Gulf states: platforms and volunteers',
      'Volunteering and social cohesion in Gulf cities',
      'Youth volunteering in the working-class districts of Casablanca',
    ]);
    const salma = await stack.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'section.field@volunteering.example.org' });
    expect(titles((await list('manager', `?editorId=${salma.id}`)).body)).toEqual([
      'Student volunteers in Rabat during the 2025 floods',
      'Youth volunteer work camps in the Rif',
      'Youth volunteering in the working-class districts of Casablanca',
    ]);
  });

  it('filters what is late: a reviewer past the due date, or revisions past theirs', async () => {
    const late = await list('editor', '?overdue=true');
    expect(titles(late.body)).toEqual(['Volunteer management standards in Gulf non-profits']);
    expect(late.body.items[0].overdue).toBe(true);
    const onTime = await list('editor', '?overdue=false');
    expect(titles(onTime.body)).toHaveLength(9);
    expect(onTime.body.items.every((item: { overdue: boolean }) => !item.overdue)).toBe(true);
    // The counts follow the filter.
    const counts = await stack
      .http()
      .get('/api/journals/volunteering/submissions/counts?overdue=true')
      .set('Authorization', auth.editor)
      .expect(200);
    expect(counts.body).toEqual({ review: 1 });

    // Revisions that pass their due date make their submission late too.
    await stack.dataSource.query(
      `UPDATE review_rounds SET revisions_due_at = now() - interval '1 day' WHERE status = 'revisions_requested'`,
    );
    expect(titles((await list('editor', '?overdue=true')).body)).toEqual([
      'Volunteer management standards in Gulf non-profits',
      'Youth volunteer work camps in the Rif',
    ]);
    // …and a late reviewer who is released is late no more.
    await stack.dataSource.query(
      `UPDATE review_rounds SET revisions_due_at = now() + interval '20 days' WHERE status = 'revisions_requested'`,
    );
    await stack.dataSource.query(
      `UPDATE review_assignments SET review_due_at = now() + interval '7 days' WHERE state = 'accepted' AND review_due_at < now()`,
    );
    expect((await list('editor', '?overdue=true')).body.items).toEqual([]);

    const bad = await stack
      .http()
      .get('/api/journals/volunteering/submissions?overdue=yes')
      .set('Authorization', auth.editor)
      .expect(400);
    expect(bad.body.type).toBe('urn:tahkim:problem:validation-error');
  });

  it('searches Arabic without regard to diacritics or word endings, and French without accents', async () => {
    // «التَّطوّع» with shadda and fatha finds «التطوع» (two abstracts) and, by prefix, «التطوعي».
    expect(titles((await list('editor', `?q=${encodeURIComponent('التَّطوّع')}`)).body)).toEqual([
      'Associative volunteering in Morocco: a survey',
      'Digital volunteering in the Gulf states: platforms and volunteers',
      'Measuring the value of volunteer time',
      'Volunteering and social cohesion in Gulf cities',
      'Youth volunteering in the working-class districts of Casablanca',
    ]);
    expect(titles((await list('editor', `?q=${encodeURIComponent('الجمعوي')}`)).body)).toEqual([
      'Associative volunteering in Morocco: a survey',
    ]);
    expect(
      titles((await list('editor', `?q=${encodeURIComponent('الدار البيضاء')}`)).body),
    ).toEqual(['Youth volunteering in the working-class districts of Casablanca']);
    expect(titles((await list('editor', '?q=benevolat%20maroc')).body)).toEqual([
      'Associative volunteering in Morocco: a survey',
    ]);
    expect(titles((await list('editor', '?q=VALUE')).body)).toEqual([
      'Measuring the value of volunteer time',
    ]);
    expect((await list('editor', `?q=${encodeURIComponent('!!!')}`)).body.items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await list('editor', '?limit=4');
    expect(first.body.items).toHaveLength(4);
    const second = await list('editor', `?limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(4);
    const third = await list('editor', `?limit=4&cursor=${second.body.nextCursor}`);
    expect(third.body.items).toHaveLength(2);
    expect(third.body.nextCursor).toBeNull();
    const pages = [...first.body.items, ...second.body.items, ...third.body.items];
    expect(new Set(pages.map((item: { id: string }) => item.id)).size).toBe(10);
    // Newest submission first.
    const dates = pages.map((item: { submittedAt: string }) => item.submittedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('hides a person’s own submissions from their editorial list', async () => {
    // The editor becomes an author and submits: their own submission is not theirs to handle.
    const editor = await stack.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'editor@volunteering.example.org' });
    await stack.dataSource.query(`UPDATE submissions SET submitter_id = $1 WHERE locale = 'fr'`, [
      editor.id,
    ]);
    expect(titles((await list('editor')).body)).not.toContain(
      'Associative volunteering in Morocco: a survey',
    );
    expect(titles((await list('manager')).body)).toContain(
      'Associative volunteering in Morocco: a survey',
    );
  });

  it('shows editors a submission in full and lets them download its files', async () => {
    const [item] = (await list('section.field')).body.items;
    const view = await stack
      .http()
      .get(`/api/journals/volunteering/submissions/${item.id}`)
      .set('Authorization', auth['section.field'])
      .expect(200);
    expect(view.body.contributors[0].email).toBe('author1@volunteering.example.org');
    expect(view.body.events.map((event: { kind: string }) => event.kind)).toEqual([
      'created',
      'submitted',
    ]);
    const file = view.body.files[0];
    for (const copy of ['original', 'anonymised']) {
      const download = await stack
        .http()
        .get(
          `/api/journals/volunteering/submissions/${item.id}/files/${file.id}/content?copy=${copy}`,
        )
        .set('Authorization', auth['section.field'])
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(download.headers['content-type']).toMatch(/^text\/markdown/);
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="manuscript.md"; filename*=UTF-8''manuscript.md`,
      );
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect((download.body as Buffer).toString('utf8')).toContain('# التطوع الشبابي');
    }
    // Another section's editor cannot even learn that it exists.
    await stack
      .http()
      .get(`/api/journals/volunteering/submissions/${item.id}`)
      .set('Authorization', auth['section.policy'])
      .expect(404);
    await stack
      .http()
      .get(`/api/journals/volunteering/submissions/${item.id}/files/${file.id}/content`)
      .set('Authorization', auth['section.policy'])
      .expect(404);
    // The author downloads their own file; nobody else uses that route.
    await stack
      .http()
      .get(`/api/submissions/${item.id}/files/${file.id}/content`)
      .set('Authorization', auth.author1)
      .expect(200);
    await stack
      .http()
      .get(`/api/submissions/${item.id}/files/${file.id}/content`)
      .set('Authorization', auth.editor)
      .expect(404);
  });

  it('is refused to authors and reviewers', async () => {
    await stack
      .http()
      .get('/api/journals/volunteering/submissions')
      .set('Authorization', auth.author1)
      .expect(403);
    await stack
      .http()
      .get('/api/journals/volunteering/submissions/counts')
      .set('Authorization', auth.reviewer1)
      .expect(403);
    await stack.http().get('/api/journals/volunteering/submissions').expect(401);
  });
});
