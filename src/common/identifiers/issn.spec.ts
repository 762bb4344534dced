import { isValidIssn, normalizeIssn } from './issn';

describe('ISSN check digit', () => {
  it.each([
    ['0317-8471', 'the ISSN Manual example'],
    ['0378-5955', 'Hearing Research'],
    ['2958-1427', 'the demo journal'],
    ['2434-561X', 'a check character X'],
    ['2434-561x', 'a lower-case x'],
    ['03785955', 'the compact form'],
  ])('accepts %s (%s)', (issn) => {
    expect(isValidIssn(issn)).toBe(true);
  });

  it.each([
    ['0317-8472', 'a wrong check digit'],
    ['2958-1428', 'the demo ISSN off by one'],
    ['2434-5610', 'X expected, 0 given'],
    ['X317-8471', 'X outside the check position'],
    ['0317-847', 'too short'],
    ['0317-84711', 'too long'],
    ['abcd-efgh', 'letters'],
    ['', 'empty'],
  ])('refuses %s (%s)', (issn) => {
    expect(isValidIssn(issn)).toBe(false);
  });

  it('normalises to NNNN-NNNC', () => {
    expect(normalizeIssn('2434561x')).toBe('2434-561X');
    expect(normalizeIssn('0378-5956')).toBeNull();
  });
});
