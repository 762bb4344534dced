/** A day in milliseconds: for due dates and periods counted in whole days. */
export const DAY_MS = 86_400_000;
