/** A valid strike's properties, for tests that build features and break one field at a time. */
export const STRIKE_PROPERTIES = {
  kind: 'strike',
  title: { ar: 'غارة', en: 'A strike' },
  summary: { ar: 'ملخص', en: 'Summary' },
  start: '2019-12-20',
  datePrecision: 'day',
  attacker: 'lna',
  confidence: 'claimed',
  sources: { article: [8] },
} as const;
