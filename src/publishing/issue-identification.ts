import type { Locale, LocalizedText } from '../common/i18n/locale';
import { pickLocalized } from '../common/i18n/locale';

export interface IssueIdentity {
  volume: number;
  number: number;
  year: number;
  titles: LocalizedText;
  showVolume: boolean;
  showNumber: boolean;
  showYear: boolean;
  showTitle: boolean;
}

const WORDS: Record<Locale, { volume: string; number: string; comma: string; colon: string }> = {
  ar: { volume: 'المجلد', number: 'العدد', comma: '، ', colon: ': ' },
  en: { volume: 'Vol.', number: 'No.', comma: ', ', colon: ': ' },
  // French typography: "n°" and a no-break space before the colon.
  fr: { volume: 'Vol.', number: 'n°', comma: ', ', colon: '\u00A0: ' },
};

/**
 * How an issue is named, in one language, from the parts the journal chose to show:
 * "Vol. 3, No. 2 (2027)", «المجلد 3، العدد 2 (2027)», "Vol. 3, n° 2 (2027) : Titre".
 */
export function identifyIssue(issue: IssueIdentity, locale: Locale): string {
  const words = WORDS[locale];
  const parts: string[] = [];
  if (issue.showVolume) parts.push(`${words.volume} ${issue.volume}`);
  if (issue.showNumber) parts.push(`${words.number} ${issue.number}`);
  let text = parts.join(words.comma);
  if (issue.showYear) text = text ? `${text} (${issue.year})` : String(issue.year);
  const title = issue.showTitle ? pickLocalized(issue.titles, locale) : undefined;
  if (title) text = text ? `${text}${words.colon}${title}` : title;
  return text;
}

/** The identification in every supported language. */
export function identifyIssueIn(issue: IssueIdentity, locales: readonly Locale[]): LocalizedText {
  return Object.fromEntries(locales.map((locale) => [locale, identifyIssue(issue, locale)]));
}
