import { RequestValidationException } from '../common/http/request-validation.exception';
import { isCalendarDate, resolvePeriod } from './period';

describe('isCalendarDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-01-01')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-12-31')).toBe(true);
  });

  it('refuses impossible dates and other shapes', () => {
    for (const value of [
      '2024-13-01',
      '2024-00-10',
      '2023-02-29',
      '2024-04-31',
      '2024-1-1',
      '2024-01-01T00:00:00Z',
      '01/02/2024',
      '',
      ' 2024-01-01',
      20240101,
      null,
    ])
      expect(isCalendarDate(value)).toBe(false);
  });
});

describe('resolvePeriod', () => {
  const now = new Date('2026-11-23T21:00:00Z');

  it('covers whole UTC days, `to` included', () => {
    const period = resolvePeriod({ from: '2024-01-01', to: '2024-12-31' }, now);
    expect(period).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      start: new Date('2024-01-01T00:00:00.000Z'),
      end: new Date('2025-01-01T00:00:00.000Z'),
    });
  });

  it('defaults to the last 12 months ending today', () => {
    expect(resolvePeriod({}, now)).toMatchObject({ from: '2025-11-24', to: '2026-11-23' });
    expect(resolvePeriod({ to: '2024-12-31' }, now)).toMatchObject({ from: '2024-01-01' });
    expect(resolvePeriod({ from: '2026-01-01' }, now)).toMatchObject({ to: '2026-11-23' });
  });

  it('allows a single day', () => {
    const period = resolvePeriod({ from: '2024-03-05', to: '2024-03-05' }, now);
    expect(period.end.getTime() - period.start.getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('refuses from after to', () => {
    expect(() => resolvePeriod({ from: '2024-12-31', to: '2024-01-01' }, now)).toThrow(
      RequestValidationException,
    );
    // Only `from`, in the future: after the default `to` (today).
    expect(() => resolvePeriod({ from: '2027-01-01' }, now)).toThrow(RequestValidationException);
  });

  it('allows ten years and no more', () => {
    expect(resolvePeriod({ from: '2014-01-01', to: '2023-12-31' }, now).to).toBe('2023-12-31');
    expect(() => resolvePeriod({ from: '2014-01-01', to: '2024-01-01' }, now)).toThrow(
      RequestValidationException,
    );
  });
});
