/** A person's names by script (ISO 15924): `{ Latn: { given, family }, Arab: { … } }`. */
export const NAMES_SCHEMA = {
  type: 'object' as const,
  additionalProperties: {
    type: 'object' as const,
    properties: { given: { type: 'string' as const }, family: { type: 'string' as const } },
  },
  example: { Latn: { given: 'Leila', family: 'Benali' }, Arab: { given: 'ليلى', family: 'بنعلي' } },
};

/** A text by language: `{ ar: '…', en: '…' }`. */
export const LOCALIZED_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const },
};
