import { escapeHtml, highlight, matchSpans, snippet } from './highlight';
import { searchTerms } from './search-text';

describe('highlight', () => {
  it('marks the words found on the original text, diacritics and hamza included', () => {
    const title = 'إِدارَةُ المُتَطَوِّعِينَ في الأُسْرَةِ';
    expect(highlight(title, searchTerms('اداره الاسره'))).toBe(
      '<mark>إِدارَةُ</mark> المُتَطَوِّعِينَ في <mark>الأُسْرَةِ</mark>',
    );
  });

  it('marks a word found inside a longer one, and accents folded', () => {
    expect(highlight('Le bénévolat étudiant', searchTerms('benevol'))).toBe(
      'Le <mark>bénévol</mark>at étudiant',
    );
    expect(highlight('والتطوع الرقمي', searchTerms('التطوع'))).toBe('و<mark>التطوع</mark> الرقمي');
  });

  it('marks a word of two letters only where it stands alone', () => {
    expect(highlight('في الفيضانات في الرباط', searchTerms('في'))).toBe(
      '<mark>في</mark> الفيضانات <mark>في</mark> الرباط',
    );
  });

  it('merges overlapping matches', () => {
    expect(matchSpans('volunteering', searchTerms('volunteer unteering'))).toEqual([
      { start: 0, end: 12 },
    ]);
  });

  it('escapes the text before marking it: what the text holds arrives as text', () => {
    const hostile = '<img src=x onerror="alert(1)"> & <script>volunteer</script>';
    const html = highlight(hostile, searchTerms('volunteer script'));
    expect(html).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;<mark>script</mark>&gt;<mark>volunteer</mark>&lt;/<mark>script</mark>&gt;',
    );
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('leaves a text without a match as it is, escaped', () => {
    expect(highlight('Rabat & Fès', searchTerms('casablanca'))).toBe('Rabat &amp; Fès');
  });
});

describe('snippet', () => {
  const abstract =
    'This article studies national digital volunteering platforms in three Gulf states. ' +
    'It asks who volunteers through them, what they choose to do, and what keeps them. '.repeat(4) +
    'The findings point to the Tafilalet oases, where short assignments with a visible effect keep volunteers longest. ' +
    'Coordinators recommend thanking volunteers with messages that show what their work achieved.';

  it('is the fragment around the first match, cut at spaces, with an ellipsis where cut', () => {
    const html = snippet(abstract, searchTerms('tafilalet'), 120)!;
    expect(html).toContain('<mark>Tafilalet</mark>');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    const text = html.replace(/<\/?mark>/g, '').replace(/…/g, '');
    expect(text.length).toBeLessThanOrEqual(120);
    expect(abstract).toContain(text.trim());
  });

  it('is the whole text when it is short, and null when nothing matches', () => {
    expect(snippet('A short abstract on floods.', searchTerms('floods'))).toBe(
      'A short abstract on <mark>floods</mark>.',
    );
    expect(snippet(abstract, searchTerms('casablanca'))).toBeNull();
  });

  it('escapes what it keeps of the text', () => {
    const html = snippet(`${'x '.repeat(200)}<b>floods</b> ${'y '.repeat(200)}`, ['floods'], 60)!;
    expect(html).toContain('&lt;b&gt;<mark>floods</mark>&lt;/b&gt;');
  });
});
