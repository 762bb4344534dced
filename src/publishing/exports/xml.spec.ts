import {
  cleanText,
  element,
  escapeXmlAttribute,
  escapeXmlText,
  serializeXmlDocument,
  stripInvalidXmlChars,
  textElement,
} from './xml';

describe('XML escaping', () => {
  it('escapes markup characters in text, leaving quotes alone', () => {
    expect(escapeXmlText(`Tom & Jerry <i>"it's"</i> ]]>`)).toBe(
      `Tom &amp; Jerry &lt;i&gt;"it's"&lt;/i&gt; ]]&gt;`,
    );
    // Already-escaped text is escaped again: the input is text, not markup.
    expect(escapeXmlText('&amp;')).toBe('&amp;amp;');
  });

  it('escapes quotes and keeps line breaks in attribute values', () => {
    expect(escapeXmlAttribute(`a "b" 'c' & <d>\tx\ny\rz`)).toBe(
      'a &quot;b&quot; &apos;c&apos; &amp; &lt;d&gt;&#9;x&#10;y&#13;z',
    );
  });

  it('removes characters XML 1.0 forbids and keeps everything else', () => {
    const allowed = 'عربي Tifinagh ⵜⴰⵎⴰⵣⵉⵖⵜ 😀 \t\n\r\u200F\uFFFD';
    expect(stripInvalidXmlChars(allowed)).toBe(allowed);
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFFg')).toBe('abcdefg');
    // Lone surrogates (half an emoji) go; a well-formed pair stays.
    expect(stripInvalidXmlChars('x\uD83Dy\uDE00z\uD83D\uDE00')).toBe('xyz😀');
    expect(escapeXmlText('a\u0001<')).toBe('a&lt;');
  });

  it('cleans one-line text: NFC, collapsed white space, trimmed', () => {
    expect(cleanText('  Cafe\u0301 \n\t au  lait\u0008 ')).toBe('Café au lait');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });
});

describe('serializeXmlDocument', () => {
  it('indents element content, keeps text inline, and drops left-out children', () => {
    const root = element('root', { xmlns: 'urn:x', 'xml:lang': 'ar', skipped: undefined }, [
      textElement('a', 'x & y', { note: '"q"' }),
      null,
      false,
      '',
      element('b', {}, [textElement('c', 3)]),
      element('empty'),
      textElement('blank', ''),
    ]);
    expect(serializeXmlDocument(root)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<root xmlns="urn:x" xml:lang="ar">',
        '  <a note="&quot;q&quot;">x &amp; y</a>',
        '  <b>',
        '    <c>3</c>',
        '  </b>',
        '  <empty/>',
        '  <blank/>',
        '</root>',
        '',
      ].join('\n'),
    );
  });
});
