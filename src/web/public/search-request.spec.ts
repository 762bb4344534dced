import { problemType } from '../../common/problems/problem-registry';
import { searchHref, searchRequestOf } from './search-request';

const SECTION = '0b6c8a52-1f0e-4d3c-9a57-2f4f1c3e8d21';

/** The problem code a bad query is refused with. */
function refusal(query: Record<string, unknown>): string | undefined {
  try {
    searchRequestOf(query, [SECTION]);
    return undefined;
  } catch (error) {
    const type = (error as { problem?: { type?: string; status?: number } }).problem;
    expect(type?.status).toBe(400);
    return type?.type?.replace(problemType(''), '');
  }
}

describe('searchRequestOf', () => {
  it('reads the text, the filters and the page; empty values are unset, others ignored', () => {
    expect(
      searchRequestOf(
        { q: 'التطوع', section: SECTION, year: '2026', language: 'fr', page: '3', utm: 'x' },
        [SECTION],
      ),
    ).toEqual({ text: 'التطوع', section: SECTION, year: 2026, language: 'fr', page: 3 });
    expect(searchRequestOf({ q: '', section: '', year: '', language: '', page: '' }, [])).toEqual({
      text: '',
      page: 1,
    });
    expect(searchRequestOf({}, [])).toEqual({ text: '', page: 1 });
  });

  it.each([
    [{ page: '-1' }, 'search-page'],
    [{ page: '0' }, 'search-page'],
    [{ page: '101' }, 'search-page'],
    [{ page: '1.5' }, 'search-page'],
    [{ page: 'two' }, 'search-page'],
    [{ page: ['1', '2'] }, 'search-page'],
    [{ year: '26' }, 'search-filter'],
    [{ year: '2026a' }, 'search-filter'],
    [{ language: 'de' }, 'search-filter'],
    [{ language: 'AR' }, 'search-filter'],
    [{ section: 'd8a2e1c4-0000-4000-8000-000000000000' }, 'search-filter'],
    [{ section: 'fiction' }, 'search-filter'],
    [{ q: ['a', 'b'] }, 'search-text'],
  ])('refuses %j with a 400 (%s)', (query, code) => {
    expect(refusal(query)).toBe(code);
  });
});

describe('searchHref', () => {
  it('keeps the text and the filters, leaves page 1 out, and encodes what it must', () => {
    const request = { text: 'a&b = «c»', section: SECTION, year: 2026, page: 4 };
    expect(searchHref(request, 2)).toBe(
      `?q=a%26b+%3D+%C2%ABc%C2%BB&section=${SECTION}&year=2026&page=2`,
    );
    expect(searchHref({ text: 'x', language: 'ar', page: 2 }, 1)).toBe('?q=x&language=ar');
  });
});
