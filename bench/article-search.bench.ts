import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureLocalServices,
} from '../src/cli/local-services';
import type { Locale } from '../src/common/i18n/locale';
import { projectRoot } from '../src/common/paths/project-root';
import { databaseOptions } from '../src/database/database-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import type { PersonNames } from '../src/editorial/people';
import type { PublishedMetadata } from '../src/publishing/entities/publication.entity';
import {
  ArticleSearch,
  type ArticleSearchQuery,
} from '../src/publishing/search/article-search.service';
import { SearchDocumentsRepository } from '../src/publishing/search/search-documents.repository';
import { SearchIndex } from '../src/publishing/search/search-index.service';
import { percentile } from './support';

export const SEARCH_ARTICLES = 20_000;
const RUNS_PER_QUERY = 30;
const TARGET_P95_MS = 50;

// Words as authors write them: hamza forms, ta marbuta, alef maqsura, now and then a shadda or
// a tanwin; accents in French. Earlier words come up more often (a Zipf-like draw).
const ARABIC = `التطوع العمل التطوعي المتطوعين في من إلى على الشباب المجتمع المدني الجمعيات
  المنظمات غير الربحية المشاركة المدنية التنمية المستدامة مع بين هذه الحوكمة السياسات العامة الأسرة
  المرأة الأطفال التعليم الصحة البيئة إدارة الموارد البشرية المسؤولية الاجتماعية الاقتصادية الثقافية
  الرقمية المنصات التكنولوجيا الابتكار الاستدامة التمويل الأثر التقييم الدراسة البحث النتائج المنهج
  المقابلات الاستبيان العينة البيانات التحليل الإحصائي النوعي الكمي المغرب الجزائر تونس مصر الأردن
  لبنان السعودية الإمارات قطر الكويت عُمان البحرين الخليج الرباط فاس مراكش الرياض جدة دبي الدوحة
  القرى المدن الأحياء الريف الهجرة اللاجئين الكوارث الفيضانات الزلازل الإغاثة الطوارئ التضامن
  التماسك الثقة الهوية المواطنة القيم الزكاة الوقف الخيري الإحسان المؤسسات الدولة القانون التشريعات
  الإطار القانوني مؤسسة رئيس هيئة شؤون قضايا مسائل آفاق آليات أهداف أساليب إشكالية إسهام
  استراتيجية الدافعية الاستمرار القيادة التدريب المهارات الجامعات الطلبة الأحياء الشعبية مستوى
  لدى حتى الذي التي كما أنّ إنّ خلال نحو تحليلاً دراسةٌ المسؤوليّة الاجتماعيّة`;
const ENGLISH = `volunteering the of and in to a for volunteers on youth with civil society
  associations participation community by from development sustainable governance policy public
  that this family women children education health environment management human resources
  responsibility social economic cultural digital platforms technology innovation sustainability
  funding impact evaluation study research findings method interviews survey sample data analysis
  statistical qualitative quantitative Morocco Algeria Tunisia Egypt Jordan Lebanon Saudi Emirates
  Qatar Kuwait Oman Bahrain Gulf Maghreb Rabat Casablanca Fez Marrakesh Riyadh Jeddah Dubai Doha
  villages cities neighbourhoods rural migration refugees disasters floods earthquakes relief
  emergency solidarity cohesion trust identity citizenship values religion zakat waqf charitable
  philanthropy institutions state law legislation framework legal nonprofit organisations
  engagement motivation retention leadership training skills universities students`;
const FRENCH = `bénévolat le la les de des et en dans bénévoles pour sur jeunesse société civile
  associations avec par participation communauté développement durable une un au aux gouvernance
  politiques publiques famille femmes enfants éducation santé environnement gestion ressources
  humaines responsabilité sociale économique culturelle numérique plateformes technologie innovation
  financement impact évaluation étude recherche résultats méthode entretiens enquête échantillon
  données analyse qualitative quantitative Maroc Algérie Tunisie Égypte Jordanie Liban Arabie
  Émirats Golfe Maghreb Rabat Casablanca Fès Marrakech villages villes quartiers rural migration
  réfugiés catastrophes inondations séismes secours urgence solidarité cohésion confiance identité
  citoyenneté valeurs institutions État droit législation cadre juridique engagement motivation
  fidélisation leadership formation compétences universités étudiants entre qui que`;
const VOCABULARY: Record<Locale, string[]> = {
  ar: ARABIC.split(/\s+/).filter(Boolean),
  en: ENGLISH.split(/\s+/).filter(Boolean),
  fr: FRENCH.split(/\s+/).filter(Boolean),
};
/** Words that one article in a few hundred uses. */
const RARE: Record<Locale, string[]> = {
  ar: ['تافيلالت', 'الأطلس الصغير', 'واحات درعة', 'جزيرة جربة'],
  en: ['Tafilalet', 'Anti-Atlas', 'Draa oases', 'Djerba'],
  fr: ['Tafilalet', 'Anti-Atlas', 'oasis du Drâa', 'Djerba'],
};
const PEOPLE: [given: string, family: string, givenLatn: string, familyLatn: string][] = [
  ['محمد', 'بنعلي', 'Mohammed', 'Benali'],
  ['فاطمة', 'الإدريسي', 'Fatima', 'Idrissi'],
  ['أحمد', 'الوزاني', 'Ahmed', 'Ouazzani'],
  ['خديجة', 'العلوي', 'Khadija', 'Alaoui'],
  ['عائشة', 'التازي', 'Aïcha', 'Tazi'],
  ['يوسف', 'الفاسي', 'Youssef', 'Fassi'],
  ['إبراهيم', 'بنكيران', 'Ibrahim', 'Benkirane'],
  ['مريم', 'السيد', 'Maryam', 'Al-Sayed'],
  ['ليلى', 'الشامي', 'Leila', 'Chami'],
  ['سعاد', 'المصري', 'Souad', 'Masri'],
  ['عبد الله', 'القحطاني', 'Abdallah', 'Qahtani'],
  ['عمر', 'العتيبي', 'Omar', 'Otaibi'],
  ['أمينة', 'الأنصاري', 'Amina', 'Ansari'],
  ['زينب', 'الهاشمي', 'Zineb', 'Hachimi'],
  ['هشام', 'المؤذن', 'Hicham', 'Moudden'],
  ['نادية', 'الرئيسي', 'Nadia', 'Raïssi'],
  ['رشيد', 'بن عيسى', 'Rachid', 'Ben Aïssa'],
  ['سلمى', 'الكتاني', 'Salma', 'Kettani'],
];
const FRENCH_PEOPLE: [string, string][] = [
  ['Hélène', 'Lefèvre'],
  ['François', 'Girard'],
  ['Chloé', 'Benoît'],
  ['Jérôme', 'Dupont'],
  ['Anaïs', 'Mercier'],
  ['Noël', 'Lambert'],
];

const SYLLABLES: Record<Locale, string[]> = {
  ar: [
    'تا',
    'مو',
    'سي',
    'ري',
    'لا',
    'نو',
    'كا',
    'بي',
    'ده',
    'زا',
    'فو',
    'قي',
    'جا',
    'حو',
    'شي',
    'عا',
  ],
  en: [
    'ka',
    'ro',
    'mi',
    'tel',
    'zan',
    'bor',
    'quin',
    'ster',
    'vel',
    'dra',
    'lum',
    'pha',
    'gor',
    'ith',
  ],
  fr: [
    'cha',
    'lé',
    'mon',
    'rè',
    'vil',
    'pré',
    'dou',
    'sé',
    'nau',
    'gué',
    'tin',
    'bel',
    'fau',
    'ro',
  ],
};

/** A word of two to four syllables: one of thousands, each in few articles. */
function rareWord(locale: Locale, next: () => number): string {
  const count = 2 + Math.floor(next() * 3);
  return Array.from(
    { length: count },
    () => SYLLABLES[locale][Math.floor(next() * SYLLABLES[locale].length)],
  ).join('');
}

/** A small deterministic generator (mulberry32): the same articles on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function article(next: () => number): {
  locale: Locale;
  metadata: Partial<Record<Locale, PublishedMetadata>>;
  contributors: { names: PersonNames; corresponding: boolean }[];
} {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  // Zipf-like: the square of a uniform draw favours the head of the list; then the forms a
  // word takes (Arabic clitics and suffixes, now and then a shadda; plurals), and a long tail
  // of rare words (names, terms), so the vocabulary grows as a real journal's does.
  const word = (locale: Locale): string => {
    if (next() < 0.04) return rareWord(locale, next);
    const base = VOCABULARY[locale][Math.floor(next() ** 2 * VOCABULARY[locale].length)];
    const form = next();
    if (locale === 'ar') {
      const prefixed = form < 0.15 ? `و${base}` : form < 0.25 ? `ب${base}` : base;
      const suffixed = next() < 0.1 ? `${prefixed}${pick(['ها', 'هم', 'ات', 'ية'])}` : prefixed;
      return next() < 0.05 ? `${suffixed.slice(0, 2)}\u0651${suffixed.slice(2)}` : suffixed;
    }
    return form < 0.12 ? `${base}${pick(['s', 'al', 'es'])}` : base;
  };
  const words = (locale: Locale, count: number) => {
    const out = Array.from({ length: count }, () => word(locale));
    if (next() < 0.004) out.splice(Math.floor(next() * count), 0, pick(RARE[locale]));
    return out.join(' ');
  };
  const sentences = (locale: Locale, count: number) =>
    Array.from({ length: count }, () => words(locale, 10 + Math.floor(next() * 10)))
      .join(locale === 'ar' ? '. ' : '. ')
      .concat('.');
  const roll = next();
  const locale: Locale = roll < 0.5 ? 'ar' : roll < 0.75 ? 'en' : 'fr';
  const locales = new Set<Locale>([locale]);
  if (locale !== 'en' && next() < 0.7) locales.add('en');
  if (locale !== 'ar' && next() < 0.6) locales.add('ar');
  const metadata: Partial<Record<Locale, PublishedMetadata>> = {};
  for (const language of locales)
    metadata[language] = {
      title: words(language, 6 + Math.floor(next() * 7)),
      abstract: sentences(language, 6 + Math.floor(next() * 6)),
      keywords: Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
        words(language, 1 + Math.floor(next() * 2)),
      ),
    };
  const contributors = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, index) => {
    if (locale === 'fr' && next() < 0.5) {
      const [given, family] = pick(FRENCH_PEOPLE);
      return { names: { Latn: { given, family } }, corresponding: index === 0 };
    }
    const [given, family, givenLatn, familyLatn] = pick(PEOPLE);
    return {
      names: { Arab: { given, family }, Latn: { given: givenLatn, family: familyLatn } },
      corresponding: index === 0,
    };
  });
  return { locale, metadata, contributors };
}

const FIRST_YEAR = 2016;
const YEARS = 11;
const SECTIONS = 6;

/** The journal the seeded articles belong to. */
export const SEARCH_JOURNAL_SLUG = 'bench-search';

/**
 * A journal (SEARCH_JOURNAL_SLUG) with 44 published issues holding SEARCH_ARTICLES articles,
 * each indexed; `sectionId` is its third section (what the filtered queries name).
 */
export async function seedSearchArticles(
  dataSource: DataSource,
): Promise<{ journalId: string; sectionId: string }> {
  const [{ id: journalId }] = await dataSource.query(
    `INSERT INTO journals (slug, titles, primary_locale, publisher_name)
     VALUES ($1, '{"en":"Bench"}', 'ar', 'Bench') RETURNING id`,
    [SEARCH_JOURNAL_SLUG],
  );
  const [{ id: userId }] = await dataSource.query(
    `INSERT INTO users (email, names, status) VALUES ('author@bench.test', '{"Latn":{"given":"Author"}}', 'active') RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO sections (journal_id, titles, seq)
     SELECT $1, jsonb_build_object('en', 'Section ' || g, 'ar', 'القسم ' || g), g FROM generate_series(1, ${SECTIONS}) g`,
    [journalId],
  );
  await dataSource.query(
    `INSERT INTO issues (journal_id, volume, number, year, status, published_at, lock_version)
     SELECT $1, y - ${FIRST_YEAR} + 1, n, y, 'published', make_timestamptz(y, n * 3 - 1, 15, 0, 0, 0), 1
       FROM generate_series(${FIRST_YEAR}, ${FIRST_YEAR + YEARS - 1}) y, generate_series(1, 4) n`,
    [journalId],
  );
  const next = random(20);
  const batch = 1000;
  for (let from = 0; from < SEARCH_ARTICLES; from += batch) {
    const rows = Array.from({ length: Math.min(batch, SEARCH_ARTICLES - from) }, (_, index) => ({
      n: from + index,
      ...article(next),
    }));
    await dataSource.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(n int, locale text, metadata jsonb, contributors jsonb)
       ), sections AS (
         SELECT id, row_number() OVER (ORDER BY seq) - 1 AS k FROM sections WHERE journal_id = $2
       ), issues AS (
         SELECT id, year, published_at, row_number() OVER (ORDER BY year, number) - 1 AS k FROM issues WHERE journal_id = $2
       ), made AS (
         INSERT INTO submissions (journal_id, section_id, submitter_id, locale, stage, number, submitted_at, lock_version)
         SELECT $2, (SELECT id FROM sections WHERE k = input.n % ${SECTIONS}), $3, input.locale, 'published',
                'SRCH-' || input.n, now(), 1
           FROM input
         RETURNING id, number
       )
       INSERT INTO publications (submission_id, version, status, issue_id, section_id, seq, locale,
              metadata, contributors, copyright_holder, copyright_year, licence_url, published_at, lock_version)
       SELECT made.id, 1, 'published', i.id, s.id, input.n, input.locale, input.metadata,
              input.contributors, 'The authors', i.year, 'https://creativecommons.org/licenses/by/4.0/',
              i.published_at, 1
         FROM input
         JOIN made ON made.number = 'SRCH-' || input.n
         JOIN sections s ON s.k = input.n % ${SECTIONS}
         JOIN issues i ON i.k = (input.n * 7919) % ${YEARS * 4}`,
      [JSON.stringify(rows), journalId, userId],
    );
  }
  // Indexed as publishing indexes them: SearchIndex, over the published records.
  const index = new SearchIndex(SearchDocumentsRepository.over(dataSource));
  const ids: { id: string }[] = await dataSource.query(
    'SELECT id FROM submissions WHERE journal_id = $1 ORDER BY id',
    [journalId],
  );
  for (let from = 0; from < ids.length; from += 500)
    await index.refresh(ids.slice(from, from + 500).map((row) => row.id));
  await dataSource.query('VACUUM ANALYZE');
  const [{ id: sectionId }] = await dataSource.query(
    'SELECT id FROM sections WHERE journal_id = $1 ORDER BY seq OFFSET 2 LIMIT 1',
    [journalId],
  );
  return { journalId, sectionId };
}

/** A query of the mix, as a reader would ask it: page and page size left to the caller. */
export type SearchCase = [
  label: string,
  query: Omit<ArticleSearchQuery, 'page' | 'pageSize'> & Partial<ArticleSearchQuery>,
];

/**
 * The mix of queries over the seeded articles: Arabic written with other hamza forms and
 * without diacritics, English, French without accents, authors' names, rare and common words,
 * with and without filters (`sectionId`: a section of the seeded journal), a deep page.
 */
export function searchCases(sectionId: string): SearchCase[] {
  return [
    ['Arabic, common word', { text: 'التطوع' }],
    ['Arabic, hamza and ta marbuta as typed', { text: 'الاسره' }],
    ['Arabic, two words, no hamza', { text: 'اداره الموارد' }],
    ['Arabic, hamza on waw typed bare', { text: 'المسووليه الاجتماعيه' }],
    ['Arabic, alef maqsura as ya', { text: 'مستوي' }],
    ['Arabic, with diacritics', { text: 'الْمُتَطَوِّعِين' }],
    ['Arabic, rare place', { text: 'تافيلالت' }],
    ['English, common word', { text: 'volunteering' }],
    ['English, two words', { text: 'civil society' }],
    ['English, rare', { text: 'Djerba' }],
    ['French, typed without accents', { text: 'benevolat' }],
    ['French, two words', { text: 'responsabilite sociale' }],
    ['author, Latin', { text: 'Benali' }],
    ['author, Arabic without hamza', { text: 'الموذن' }],
    ['author, full name', { text: 'Fatima Idrissi' }],
    ['section filter', { text: 'التنمية', section: sectionId }],
    ['year filter', { text: 'migration', year: 2021 }],
    ['language filter', { text: 'Rabat', language: 'fr' }],
    ['all filters', { text: 'المغرب', section: sectionId, year: 2019, language: 'ar' }],
    ['page 10', { text: 'التطوع', page: 10 }],
    ['no match', { text: 'xylophone' }],
  ];
}

/**
 * The public search over SEARCH_ARTICLES published articles: p50/p95/p99 over a mix of queries
 * (Arabic written with other hamza forms and without diacritics, English, French without
 * accents, authors' names, rare and common words, with and without filters, a deep page).
 * Target: p95 < 50 ms.
 */
export async function benchArticleSearch(
  report: (name: string, value: number, unit: string, target: string, met: boolean) => void,
): Promise<void> {
  const services = await ensureLocalServices(join(projectRoot(), 'var'));
  const name = 'tahkim_bench_article_search';
  await dropDatabase(services.postgresServerUrl, name);
  await ensureDatabase(services.postgresServerUrl, name);
  const dataSource = await new DataSource(
    databaseOptions(databaseUrl(services.postgresServerUrl, name)),
  ).initialize();
  try {
    await runMigrationsLocked(dataSource);
    const started = Date.now();
    const { journalId, sectionId } = await seedSearchArticles(dataSource);
    console.log(
      `     (seeded and indexed ${SEARCH_ARTICLES} articles in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    const search = new ArticleSearch(SearchDocumentsRepository.over(dataSource));
    const page = { page: 1, pageSize: 20 };
    const cases = searchCases(sectionId);
    // Warm the caches as a running site's would be.
    for (const [, query] of cases) await search.search(journalId, { ...page, ...query });
    // The machine may be shared: the load says how far the figures are the search's own.
    const load = () =>
      loadavg()
        .map((average) => average.toFixed(2))
        .join(' ');
    console.log(`     (load average ${load()} before the timed runs)`);
    const all: number[] = [];
    for (const [label, query] of cases) {
      const timings: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS_PER_QUERY; run++) {
        const t0 = process.hrtime.bigint();
        total = (await search.search(journalId, { ...page, ...query })).total;
        timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      all.push(...timings);
      timings.sort((a, b) => a - b);
      console.log(
        `     ${label.padEnd(40)} ${String(total).padStart(6)} found  p50 ${percentile(timings, 50).toFixed(1)} ms  p95 ${percentile(timings, 95).toFixed(1)} ms`,
      );
    }
    console.log(`     (load average ${load()} after them)`);
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    report(
      `search over ${SEARCH_ARTICLES} articles, ${cases.length} queries × ${RUNS_PER_QUERY}: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms, p95`,
      p95,
      'ms',
      `< ${TARGET_P95_MS} ms`,
      p95 < TARGET_P95_MS,
    );
  } finally {
    await dataSource.destroy();
    await dropDatabase(services.postgresServerUrl, name);
    await services.stop();
  }
}
