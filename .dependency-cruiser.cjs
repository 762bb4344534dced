/**
 * The layers of Tahkim, as rules (`npm run lint` runs them). Read from the bottom up:
 *
 *   platform  common, config, logging, database, redis, queue, storage, mail, anonymisation
 *   services  notifications (the outbox), audit (the log), health, admin
 *   core      editorial: stage machine, submission events, roles, people, request context
 *   features  accounts → journals → access → submissions → reviews → decisions, production
 *             → publishing, statistics → typesetting, announcements
 *   top       demo, web, cli, and the two processes' modules and entry points
 *
 * A folder may import only from the folders listed for it (so folders form no cycle), and a
 * feature reaches another only through that feature's public surface, its index.ts: a module,
 * exported services, and types. Entities may name other features' entities, as the schema's
 * foreign keys do.
 */
const PLATFORM = [
  'common',
  'config',
  'logging',
  'database',
  'redis',
  'queue',
  'storage',
  'mail',
  'anonymisation',
];
const SERVICES = ['notifications', 'audit', 'health', 'admin'];
const CORE = ['editorial'];
const FEATURES = [
  'accounts',
  'journals',
  'access',
  'submissions',
  'reviews',
  'decisions',
  'production',
  'publishing',
  'statistics',
  'typesetting',
  'announcements',
];

/** What each folder may import besides itself. */
const ALLOWED = {
  common: [],
  config: ['common'],
  logging: ['common', 'config'],
  database: ['common', 'config'],
  redis: ['common', 'config'],
  queue: ['common', 'config', 'redis'],
  storage: ['common', 'config'],
  mail: ['common', 'config'],
  anonymisation: ['common'],
  notifications: ['common', 'config', 'database', 'mail', 'queue'],
  audit: ['common', 'config', 'database', 'editorial'],
  health: ['common', 'config', 'database', 'queue', 'redis', 'editorial'],
  admin: ['common', 'config', 'queue', 'editorial'],
  editorial: ['common', 'config', 'database'],
  accounts: [...PLATFORM, 'notifications', 'audit', 'editorial'],
  journals: [...PLATFORM, 'notifications', 'audit', 'editorial', 'accounts'],
  access: [...PLATFORM, 'notifications', 'audit', 'editorial', 'accounts', 'journals'],
  submissions: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
  ],
  reviews: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
    'submissions',
  ],
  decisions: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
    'submissions',
    'reviews',
  ],
  production: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
    'submissions',
    'reviews',
  ],
  publishing: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
    'submissions',
    'reviews',
    'decisions',
    'production',
  ],
  statistics: [...PLATFORM, 'audit', 'editorial', 'journals', 'access'],
  typesetting: [
    ...PLATFORM,
    'notifications',
    'audit',
    'editorial',
    'accounts',
    'journals',
    'access',
    'submissions',
    'reviews',
    'production',
    'publishing',
  ],
  announcements: [...PLATFORM, 'audit', 'editorial', 'journals'],
};

const TOP = ['demo', 'web', 'cli'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module may depend on itself, however indirectly.',
      from: { path: '^src' },
      to: { circular: true },
    },
    ...Object.entries(ALLOWED).map(([folder, allowed]) => ({
      name: `layers-${folder}`,
      severity: 'error',
      comment: `src/${folder} may import only from: ${allowed.join(', ') || 'nothing else'}`,
      from: { path: `^src/${folder}/` },
      to: {
        path: '^src/',
        pathNot: [`^src/${folder}/`, ...allowed.map((other) => `^src/${other}/`)],
      },
    })),
    {
      name: 'features-through-their-surface',
      severity: 'error',
      comment:
        'A feature reaches another only through its index.ts (module, exported services, types); an entity may name another feature’s entity for a foreign key.',
      from: { path: `^src/(${FEATURES.join('|')})/`, pathNot: '\\.entity\\.ts$' },
      to: {
        path: `^src/(${FEATURES.join('|')})/`,
        pathNot: ['^src/$1/', `^src/(${FEATURES.join('|')})/index\\.ts$`],
      },
    },
    {
      name: 'entities-name-only-entities',
      severity: 'error',
      comment: 'An entity may import another feature’s entity, and nothing else of it.',
      from: { path: `^src/(${FEATURES.join('|')})/.*\\.entity\\.ts$` },
      to: {
        path: `^src/(${FEATURES.join('|')})/`,
        pathNot: ['^src/$1/', '\\.entity\\.ts$', `^src/(${FEATURES.join('|')})/index\\.ts$`],
      },
    },
    {
      name: 'top-through-surfaces',
      severity: 'error',
      comment:
        'The demo, the web pages and the CLI call the features as any outside caller does: through their index.ts.',
      from: { path: `^src/(${TOP.join('|')})/` },
      to: {
        path: `^src/(${FEATURES.join('|')})/`,
        pathNot: `^src/(${FEATURES.join('|')})/index\\.ts$`,
      },
    },
    {
      name: 'nothing-imports-the-top',
      severity: 'error',
      comment: 'The demo, the web pages and the CLI stand on everything; nothing stands on them.',
      from: { path: '^src/', pathNot: `^src/(${TOP.join('|')})/|^src/[^/]+\\.ts$` },
      to: { path: `^src/(${TOP.join('|')})/|^src/[^/]+\\.ts$` },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      from: { orphan: true, path: '^src', pathNot: '\\.(spec|d)\\.ts$|^src/(main|worker)\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
