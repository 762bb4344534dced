import { createHash } from 'node:crypto';
import type { Locale } from '../common/i18n/locale';
import {
  CREATIVE_COMMONS_LICENCE_NAMES,
  type CreativeCommonsLicence,
} from '../common/validation/validators';

export interface CopyrightTerms {
  locale: Locale;
  text: string;
  /** SHA-256 of the text: which terms were agreed to, if the journal changes them later. */
  termsVersion: string;
  licenceUrl: string;
}

/** The journal's settings the terms are built from. */
export interface CopyrightSettings {
  licenceUrl: string;
  /** `publisher`: copyright goes to the publisher; otherwise the authors keep it. */
  copyrightHolderRule: string;
  publisherName: string;
}

/** The copyright and licence terms an author agrees to, built from the journal's settings. */
export function copyrightTerms(journal: CopyrightSettings, locale: Locale): CopyrightTerms {
  const licence =
    CREATIVE_COMMONS_LICENCE_NAMES[journal.licenceUrl as CreativeCommonsLicence] ??
    journal.licenceUrl;
  const holder = {
    ar:
      journal.copyrightHolderRule === 'publisher'
        ? `الناشر (${journal.publisherName})`
        : 'المؤلفين',
    en:
      journal.copyrightHolderRule === 'publisher'
        ? `the publisher (${journal.publisherName})`
        : 'the authors',
    fr:
      journal.copyrightHolderRule === 'publisher'
        ? `l’éditeur (${journal.publisherName})`
        : 'les auteurs',
  }[locale];
  const text = {
    ar: `أقرّ بأنّ لي الحقّ في تقديم هذا العمل للنشر، وأنّه عمل أصيل لم يُنشر من قبل. عند النشر، تعود حقوق المؤلف إلى ${holder}، ويُنشر العمل بموجب رخصة ${licence} (${journal.licenceUrl}) التي تتيح لأيّ شخص مشاركته وتكييفه مع نسبته إلى أصحابه.`,
    en: `I confirm that I have the right to submit this work for publication and that it is original and unpublished. On publication, copyright is held by ${holder}, and the work is published under the ${licence} licence (${journal.licenceUrl}), which lets anyone share and adapt it with attribution.`,
    fr: `Je confirme avoir le droit de soumettre ce travail pour publication, et qu’il est original et inédit. À la publication, le droit d’auteur appartient à ${holder} et le travail est publié sous la licence ${licence} (${journal.licenceUrl}), qui permet à chacun de le partager et de l’adapter en citant ses auteurs.`,
  }[locale];
  return {
    locale,
    text,
    termsVersion: createHash('sha256').update(text).digest('hex'),
    licenceUrl: journal.licenceUrl,
  };
}
