import { checkPassword, PASSWORD_MIN_LENGTH } from './password-policy';

describe('password policy', () => {
  const user = { email: 'josiah.carberry@example.edu', names: ['Josiah Carberry'] };

  it.each([
    ['correct horse battery staple', 'an English passphrase'],
    ['مفتاح الباب الأزرق قديم', 'an Arabic passphrase'],
    ['Vq9#mT2!xLp8', 'a random password'],
    ['x'.repeat(255) + 'y', 'the maximum length'],
  ])('accepts %s (%s)', (password) => {
    expect(checkPassword(password, user)).toEqual([]);
  });

  it('counts Unicode code points, so a 10-letter Arabic password is long enough', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(checkPassword('قلمصخرغيمة', {})).toEqual([]);
    expect(checkPassword('قلمصخرغيم', {})).toEqual([
      'The password must be at least 10 characters long.',
    ]);
  });

  it('counts an emoji as one character, not two', () => {
    expect(checkPassword('😀😁😂🤣😃😄😅😆😉', {})).toEqual([
      'The password must be at least 10 characters long.',
    ]);
  });

  it.each(['password123', 'qwertyuiop', 'QwertyUiop', '1234567890'])(
    'refuses the common password %s',
    (password) => {
      expect(checkPassword(password, {})).toEqual([
        'The password is too common: it appears in lists of leaked passwords.',
      ]);
    },
  );

  it('refuses passwords that are too short or too long', () => {
    expect(checkPassword('Vq9#mT2!x', {})).toEqual([
      'The password must be at least 10 characters long.',
    ]);
    expect(checkPassword('', {})).toEqual(['The password must be at least 10 characters long.']);
    expect(checkPassword('x'.repeat(256) + 'y', {})).toEqual([
      'The password must be at most 256 characters long.',
    ]);
  });

  it('refuses a single repeated character', () => {
    expect(checkPassword('ييييييييييي', {})).toEqual([
      'The password must not be a single character repeated.',
    ]);
    expect(checkPassword('zzzzzzzzzzzzzzzzzzzzzzzzzzz', {})).toEqual([
      'The password must not be a single character repeated.',
    ]);
  });

  it('refuses the email local part, in any case', () => {
    expect(checkPassword('josiah.carberry', { email: 'josiah.carberry@example.edu' })).toEqual([
      'The password must not contain your email address.',
    ]);
    expect(
      checkPassword('MY-Josiah.Carberry-2025', { email: 'josiah.carberry@example.edu' }),
    ).toEqual(['The password must not contain your email address.']);
  });

  it('refuses a piece of the email local part of 4 or more characters', () => {
    expect(checkPassword('carberry rules 2025', { email: 'j.carberry@example.edu' })).toEqual([
      'The password must not contain your email address.',
    ]);
  });

  it('ignores email parts shorter than 4 characters', () => {
    expect(checkPassword('the jo of it all', { email: 'jo@example.edu' })).toEqual([]);
  });

  it('refuses a name or a word of a name, in any case', () => {
    expect(checkPassword('ILoveCarberry!', { names: ['Josiah Carberry'] })).toEqual([
      'The password must not contain your name.',
    ]);
    expect(checkPassword('سلمى الحربي ٢٠٢٥', { names: ['سلمى', 'الحربي'] })).toEqual([
      'The password must not contain your name.',
    ]);
  });

  it('ignores names shorter than 4 characters', () => {
    expect(checkPassword('ali went to the market', { names: ['Ali', 'Bo'] })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(checkPassword('carberry', user)).toEqual([
      'The password must be at least 10 characters long.',
      'The password must not contain your email address.',
      'The password must not contain your name.',
    ]);
  });
});
