import { projectRoot } from '../../common/paths/project-root';

type Stylelint = typeof import('stylelint').default;

/** The rules of .stylelintrc.json, as `npm run lint` applies them to templates/web. */
describe('the stylesheets', () => {
  let stylelint: Stylelint;
  const ruleBreaks = async (code: string) => {
    const result = await stylelint.lint({
      code,
      codeFilename: `${projectRoot()}/templates/web/assets/css/probe.css`,
      cwd: projectRoot(),
    });
    return result.results[0].warnings.map((warning) => warning.rule).sort();
  };

  beforeAll(async () => {
    ({ default: stylelint } = await import('stylelint'));
  });

  it('follow the rules', async () => {
    const result = await stylelint.lint({ files: 'templates/web/**/*.css', cwd: projectRoot() });
    const problems = result.results.flatMap((file) =>
      file.warnings.map((warning) => `${file.source}:${warning.line} ${warning.text}`),
    );
    expect(problems).toEqual([]);
    expect(result.results.length).toBeGreaterThanOrEqual(5);
  });

  it('refuse physical properties, keywords and units, and direction set in CSS', async () => {
    expect(await ruleBreaks('.a { margin-left: 1px; }')).toEqual([
      'logical-css/require-logical-properties',
    ]);
    expect(await ruleBreaks('.a { text-align: right; }')).toEqual([
      'logical-css/require-logical-keywords',
    ]);
    expect(await ruleBreaks('.a { inline-size: 10vw; }')).toEqual([
      'logical-css/require-logical-units',
    ]);
    expect(await ruleBreaks('.a { direction: rtl; }')).toEqual([
      'declaration-property-value-disallowed-list',
    ]);
    expect(await ruleBreaks('.a { margin-inline-start: 1px; text-align: end; }')).toEqual([]);
  });
});
