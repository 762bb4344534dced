import { csvField, toCsv, UTF8_BOM } from './csv';

describe('csvField (RFC 4180)', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('submissions_received')).toBe('submissions_received');
    expect(csvField(12)).toBe('12');
    expect(csvField(0.2)).toBe('0.2');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('العربية')).toBe('العربية');
  });

  it('writes null, undefined and the empty string as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes fields holding a comma, a double quote, CR or LF, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('neutralises text a spreadsheet would run as a formula, with a leading single quote', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    // Only the first character counts; a number given as text is text like any other.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('-1')).toBe("'-1");
  });

  it('keeps numbers, negative ones included, as numbers', () => {
    expect(csvField(-3)).toBe('-3');
    expect(toCsv([['reviews', 'median_days', '', -0.5]])).toBe('reviews,median_days,,-0.5\r\n');
  });

  it('does not quote other punctuation or spaces', () => {
    expect(csvField(" it's ; fine ")).toBe(" it's ; fine ");
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['section', 'metric', 'key', 'value'],
        ['overall', 'submissions_received', null, 12],
        ['country', 'submissions', 'Morocco, Rabat', 5],
      ]),
    ).toBe(
      'section,metric,key,value\r\noverall,submissions_received,,12\r\ncountry,submissions,"Morocco, Rabat",5\r\n',
    );
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });

  it('has the UTF-8 byte order mark Excel looks for', () => {
    expect(Buffer.from(UTF8_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
