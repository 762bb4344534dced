import { type Locale, SUPPORTED_LOCALES } from '../../common/i18n/locale';

/** What narrows a search besides its words. */
export interface SearchFilters {
  sectionId?: string;
  year?: number;
  language?: Locale;
}

export interface FacetCounts {
  sections: { sectionId: string; count: number }[];
  years: { year: number; count: number }[];
  languages: { language: Locale; count: number }[];
}

/** How many of the matches are of one section and year and have just these languages. */
export interface MatchGroup {
  sectionId: string;
  year: number;
  languages: Locale[];
  count: number;
}

/**
 * The total and the facets from the matches' counts by section, year and languages: each
 * facet counted with the other filters applied, its own left out, so a reader sees what each
 * choice gives.
 */
export function facetsOf(
  groups: MatchGroup[],
  filters: SearchFilters,
): { total: number; facets: FacetCounts } {
  const inSection = (group: MatchGroup) =>
    filters.sectionId === undefined || group.sectionId === filters.sectionId;
  const inYear = (group: MatchGroup) => filters.year === undefined || group.year === filters.year;
  const inLanguage = (group: MatchGroup) =>
    filters.language === undefined || group.languages.includes(filters.language);
  const counted = <K>(of: MatchGroup[], key: (group: MatchGroup) => K) => {
    const counts = new Map<K, number>();
    for (const group of of) counts.set(key(group), (counts.get(key(group)) ?? 0) + group.count);
    return [...counts];
  };
  const total = (of: MatchGroup[]) => of.reduce((sum, group) => sum + group.count, 0);
  return {
    total: total(groups.filter((group) => inSection(group) && inYear(group) && inLanguage(group))),
    facets: {
      sections: counted(
        groups.filter((group) => inYear(group) && inLanguage(group)),
        (group) => group.sectionId,
      ).map(([sectionId, count]) => ({ sectionId, count })),
      years: counted(
        groups.filter((group) => inSection(group) && inLanguage(group)),
        (group) => group.year,
      )
        .map(([year, count]) => ({ year, count }))
        .sort((a, b) => b.year - a.year),
      languages: SUPPORTED_LOCALES.map((language) => ({
        language,
        count: total(
          groups.filter(
            (group) => inSection(group) && inYear(group) && group.languages.includes(language),
          ),
        ),
      })).filter((facet) => facet.count > 0),
    },
  };
}
