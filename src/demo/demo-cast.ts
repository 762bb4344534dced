import type { JournalRoleName } from '../access';
import type { User } from '../accounts';
import { normalizeIssn } from '../common/identifiers/issn';
import { DAY_MS } from '../common/time';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import type { DemoHistory } from './demo-history.repository';
import {
  DEMO_ANNOUNCEMENTS,
  DEMO_BOARD,
  DEMO_CHECKLIST,
  DEMO_JOURNAL,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SECTIONS,
  type DemoPerson,
} from './demo-journal';
import type { DemoServices } from './demo-services';

/** Where the demo's requests say they come from. */
const DEMO_CLIENT = { ip: '127.0.0.1', userAgent: 'npm run demo' };

/** A day counted from today (negative: in the past), at this time of day. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

/** The demo journal and its people, each able to act: what every later step stands on. */
export class DemoCast {
  constructor(
    readonly journal: Journal,
    private readonly users: Map<string, User>,
  ) {}

  person(key: string): User {
    const user = this.users.get(key);
    if (!user) throw new Error(`the demo has no person "${key}"`);
    return user;
  }

  /** What the audit log and the histories record as the doer: the person, from the demo. */
  actor(key: string): Actor {
    return actorOf(this.person(key));
  }

  /** The person as the journal's guard would let them in, with their roles in the journal. */
  viewer(key: string): Viewer {
    const demo = DEMO_PEOPLE.find((candidate) => candidate.key === key)!;
    return { user: this.person(key), roles: demo.roles, isSiteAdmin: demo.siteAdmin ?? false };
  }
}

const actorOf = (user: Pick<User, 'id'>): Actor => ({
  kind: 'user',
  userId: user.id,
  ip: DEMO_CLIENT.ip,
  correlationId: 'demo-seed',
});

/**
 * The journal, its people with their roles, its sections and board, as they would come about:
 * the site administrator creates the journal and makes its manager, who enrols the editors and
 * reviewers; each accepts the invitation and fills in their profile; authors open an account
 * and become authors of the journal themselves. What exists already is left as it is.
 */
export async function seedDemoJournal(s: DemoServices, history: DemoHistory): Promise<DemoCast> {
  if (!normalizeIssn(DEMO_JOURNAL.onlineIssn)) throw new Error('the demo ISSN must be valid');
  const users = new Map<string, User>();
  const demo = (key: string) => DEMO_PEOPLE.find((candidate) => candidate.key === key)!;

  const admin = demo('admin');
  users.set(admin.key, await account(s, history, admin));
  const adminViewer: Viewer = { user: users.get(admin.key)!, roles: [], isSiteAdmin: true };
  const journal =
    (await s.journals.list()).find((candidate) => candidate.slug === DEMO_JOURNAL.slug) ??
    (await s.journals.create(
      {
        ...DEMO_JOURNAL,
        additionalLocales: [...DEMO_JOURNAL.additionalLocales],
        requiredAbstractLocales: [...DEMO_JOURNAL.requiredAbstractLocales],
        submissionChecklist: DEMO_CHECKLIST,
      },
      actorOf(users.get(admin.key)!),
    ));

  // The manager first: the site administrator enrols them, and they enrol the rest of the staff.
  const staff = DEMO_PEOPLE.filter((person) => person.roles.some((role) => role !== 'author'));
  for (const person of staff) {
    const granter: Viewer =
      person.roles.includes('manager') || !users.has('manager')
        ? adminViewer
        : { user: users.get('manager')!, roles: ['manager'], isSiteAdmin: false };
    users.set(person.key, await enrolled(s, journal, person, granter));
  }
  for (const person of DEMO_PEOPLE.filter((candidate) => candidate.roles.includes('author'))) {
    const user = await account(s, history, person);
    if (!(await s.roles.rolesOf(journal.id, user.id)).includes('author'))
      await s.enrolment.enrolSelf(journal, user, 'author', actorOf(user));
    users.set(person.key, user);
  }

  const cast = new DemoCast(journal, users);
  await sectionsAndBoard(s, cast);
  return cast;
}

/** An account the person opened and confirmed, with their profile; the existing one if any. */
async function account(s: DemoServices, history: DemoHistory, demo: DemoPerson): Promise<User> {
  const existing = await s.people.byEmail(demo.email);
  if (existing) return existing;
  const { user } = await s.invitations.accountFor(demo.email, demo.names, demo.locale);
  await accept(s, user);
  if (demo.siteAdmin) await history.makeSiteAdmin(user.id);
  return profile(s, user, demo);
}

/** The person holding their roles in the journal, enrolled by `granter` (invited if new). */
async function enrolled(
  s: DemoServices,
  journal: Journal,
  demo: DemoPerson,
  granter: Viewer,
): Promise<User> {
  const before = await s.people.byEmail(demo.email);
  const held: JournalRoleName[] = before ? await s.roles.rolesOf(journal.id, before.id) : [];
  for (const role of demo.roles.filter((candidate) => !held.includes(candidate)))
    await s.enrolment.enrol(
      journal,
      { email: demo.email, role, names: demo.names, preferredLocale: demo.locale },
      granter,
      actorOf(granter.user!),
    );
  const user = (await s.people.byEmail(demo.email))!;
  if (before) return user;
  await accept(s, user);
  return profile(s, user, demo);
}

/**
 * Follows the invitation's link with the demo password, as the person would from the email
 * (which is not sent), and signs out again.
 */
async function accept(s: DemoServices, user: User): Promise<void> {
  const { acceptUrl } = await s.invitations.link(user.id);
  const token = new URL(acceptUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in the invitation link ${acceptUrl}`);
  const signedIn = await s.invitations.accept(
    { token, password: DEMO_PASSWORD },
    DEMO_CLIENT,
    actorOf(user),
  );
  await s.sessions.revoke(signedIn.session.id);
}

function profile(s: DemoServices, user: User, demo: DemoPerson): Promise<User> {
  return s.profiles.update(
    user.id,
    {
      affiliation: demo.affiliation,
      country: demo.country,
      ...(demo.interests ? { reviewInterests: demo.interests } : {}),
    },
    actorOf(user),
  );
}

/**
 * The manager's sections with their editors, the board and the announcements; only where there
 * are none yet.
 */
async function sectionsAndBoard(s: DemoServices, cast: DemoCast): Promise<void> {
  const { journal } = cast;
  const actor = cast.actor('manager');
  if ((await s.sections.list(journal)).length === 0) {
    for (const [seq, section] of DEMO_SECTIONS.entries()) {
      const created = await s.sections.create(
        journal,
        {
          titles: section.titles,
          peerReviewed: section.peerReviewed,
          wordLimit: section.wordLimit,
          seq,
        },
        actor,
      );
      await s.sections.setEditors(
        journal,
        created.id,
        section.editors.map((key) => cast.person(key).id),
        actor,
      );
    }
  }
  if ((await s.board.list(journal.id)).length === 0) {
    await s.board.replace(
      journal,
      {
        members: DEMO_BOARD.map(([key, roleTitles]) => {
          const demo = DEMO_PEOPLE.find((candidate) => candidate.key === key)!;
          const arabic = demo.names.Arab!;
          const latin = demo.names.Latn!;
          return {
            names: {
              ar: `${arabic.given} ${arabic.family}`,
              en: `${latin.given} ${latin.family}`,
              fr: `${latin.given} ${latin.family}`,
            },
            roleTitles,
            affiliations: { en: demo.affiliation, fr: demo.affiliation },
          };
        }),
      },
      actor,
    );
  }
  if ((await s.announcements.listAll(journal, { limit: 1 })).items.length === 0)
    for (const { daysAgo, ...announcement } of DEMO_ANNOUNCEMENTS)
      await s.announcements.create(
        journal,
        { ...announcement, publishedAt: new Date(Date.now() - daysAgo * DAY_MS) },
        actor,
      );
}
