import { decodeXml, mapElements, rewriteAttributes, xmlAttributeValues, xmlText } from './xml-edit';

describe('rewriteAttributes', () => {
  it('replaces whole values holding entities, ">" and Arabic, and leaves the rest intact', () => {
    const xml =
      '<w:ins w:id="1" w:author="Benali &amp; Co > x" w:date="2024"><w:r/></w:ins>' +
      "<w:del w:author='ليلى بنعلي'/>";
    const seen: string[] = [];
    const result = rewriteAttributes(xml, (qname, value) => {
      if (qname !== 'w:author') return undefined;
      seen.push(value);
      return 'Author';
    });
    expect(seen).toEqual(['Benali & Co > x', 'ليلى بنعلي']);
    expect(result).toEqual({
      xml: '<w:ins w:id="1" w:author="Author" w:date="2024"><w:r/></w:ins><w:del w:author="Author"/>',
      changed: 2,
    });
  });

  it('does not touch comments, CDATA or text that only looks like an attribute', () => {
    const xml =
      '<!-- <w:ins w:author="x"> --><w:t>w:author="Benali"</w:t><![CDATA[<a w:author="y">]]>';
    expect(rewriteAttributes(xml, () => 'Author')).toEqual({ xml, changed: 0 });
  });

  it('escapes what it writes', () => {
    expect(rewriteAttributes('<a b="1"/>', () => '<"&>').xml).toBe('<a b="&lt;&quot;&amp;&gt;"/>');
  });
});

describe('mapElements', () => {
  it('matches by local name with any prefix, empty elements included', () => {
    const xml =
      '<cp:core><dc:creator/><dc:title>T</dc:title><x:creator a="1">L</x:creator></cp:core>';
    const found: Array<[string, string | undefined]> = [];
    mapElements(xml, ['creator'], ({ qname, content }) => {
      found.push([qname, content]);
      return undefined;
    });
    expect(found).toEqual([
      ['dc:creator', undefined],
      ['x:creator', 'L'],
    ]);
  });

  it('does not read an empty element as the start of the next one', () => {
    const xml = '<dc:creator/><dc:title>Title</dc:title><dc:creator>Leila</dc:creator>';
    expect(mapElements(xml, ['creator'], () => '')).toBe('<dc:title>Title</dc:title>');
  });

  it('does not match a longer name that starts with the same letters', () => {
    const xml = '<Relationships><Relationship Id="a"/></Relationships>';
    expect(mapElements(xml, ['Relationship'], () => '')).toBe('<Relationships></Relationships>');
  });
});

describe('text extraction', () => {
  it('decodes entities, keeps CDATA and breaks lines at paragraphs', () => {
    expect(decodeXml('&amp;lt; &#x644;&#1610; &unknown;')).toBe('&lt; لي &unknown;');
    const xml =
      '<w:p><w:r><w:t>Ben</w:t></w:r><w:r><w:t>ali &amp; co</w:t></w:r></w:p>' +
      '<text:p>a<text:s/>b<![CDATA[<c>]]></text:p>';
    expect(xmlText(xml)).toBe('Benali & co\na b<c>\n');
  });

  it('lists attribute values with letters, without namespace declarations', () => {
    const xml = '<a xmlns:w="urn:x" w:id="12" descr="Photo &amp; caption"><b alt=\'Leila\'/></a>';
    expect(xmlAttributeValues(xml)).toBe('Photo & caption\nLeila');
  });
});
