import {
  MAX_TERMS,
  normaliseForSearch,
  normaliseWithOrigin,
  searchTerms,
  wholeWordOnly,
} from './search-text';

const n = normaliseForSearch;

describe('normaliseForSearch', () => {
  describe('Arabic', () => {
    it('writes every alef with hamza or madda, and the alef wasla, as a bare alef', () => {
      expect(n('أ')).toBe('ا');
      expect(n('إ')).toBe('ا');
      expect(n('آ')).toBe('ا');
      expect(n('ٱ')).toBe('ا');
      expect(n('ٲ ٳ ٵ')).toBe('ا ا ا');
      expect(n('الأسرة')).toBe(n('الاسرة'));
      expect(n('إدارة')).toBe('اداره');
      expect(n('آفاق')).toBe('افاق');
      expect(n('ٱلْحَمْدُ')).toBe('الحمد');
    });

    it('writes hamza on waw as waw and hamza on ya as ya', () => {
      expect(n('مسؤولية')).toBe('مسووليه');
      expect(n('رئيس')).toBe('رييس');
      expect(n('شؤون')).toBe('شوون');
      expect(n('ٶ ٸ')).toBe('و ي');
      expect(n('مسائل')).toBe('مسايل');
    });

    it('writes ta marbuta as ha and alef maqsura as ya', () => {
      expect(n('مدرسة')).toBe('مدرسه');
      expect(n('مستوى')).toBe('مستوي');
      expect(n('على')).toBe(n('علي'));
      expect(n('ۃ')).toBe('ه');
    });

    it('takes the Persian yeh and keheh that keyboards produce for ي and ك', () => {
      expect(n('کتابی')).toBe('كتابي');
    });

    it('drops every haraka, tanwin, shadda, sukun and the dagger alef', () => {
      // fatha, damma, kasra, fathatan, dammatan, kasratan, shadda, sukun.
      expect(n('كَتَبُوا')).toBe('كتبوا');
      expect(n('كِتابٌ')).toBe('كتاب');
      expect(n('شكرًا')).toBe('شكرا');
      expect(n('بابٍ')).toBe('باب');
      expect(n('المتطوّعين')).toBe('المتطوعين');
      expect(n('مُسْلِم')).toBe('مسلم');
      // The dagger (superscript) alef of هٰذا and الرحمٰن.
      expect(n('هٰذا')).toBe('هذا');
      expect(n('الرَّحْمٰنِ')).toBe('الرحمن');
      // Quranic annotation marks.
      expect(n('قَالَۖ')).toBe('قال');
    });

    it('drops the tatweel, which only stretches a word', () => {
      expect(n('التـــطوع')).toBe('التطوع');
      expect(n('ـ')).toBe('');
    });

    it('writes Arabic-Indic and Eastern Arabic-Indic digits as Latin digits', () => {
      expect(n('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
      expect(n('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
      expect(n('فيضانات ٢٠٢٥')).toBe('فيضانات 2025');
    });

    it('reads presentation forms and the lam-alef ligature as plain letters', () => {
      expect(n('ﻻ')).toBe('لا');
      expect(n('ﺍﻟﺘﻄﻮﻉ')).toBe('التطوع');
    });

    it('makes a word typed with another hamza form and no diacritics equal to the printed one', () => {
      const printed = 'إِدارَةُ المُتَطَوِّعِينَ وَمَسْؤُولِيَّتُهُمْ في الأُسْرَةِ';
      const typed = 'اداره المتطوعين ومسووليتهم فى الاسره';
      expect(n(printed)).toBe(n(typed));
    });
  });

  describe('Latin', () => {
    it('folds accents and case', () => {
      expect(n('Bénévolat')).toBe('benevolat');
      expect(n('ÉTUDIANTS')).toBe('etudiants');
      expect(n('Fès Aïcha Noël garçon')).toBe('fes aicha noel garcon');
      expect(n('Çà et là, où')).toBe('ca et la ou');
      expect(n('São Paulo, Zürich, Łódź')).toBe('sao paulo zurich lodz');
    });

    it('reads combining accents like precomposed ones', () => {
      expect(n('e\u0301tude')).toBe(n('\u00e9tude'));
    });

    it('spells ligatures and special letters out, and reads compatibility forms plainly', () => {
      expect(n('cœur Æsop Straße')).toBe('coeur aesop strasse');
      expect(n('ﬁnance')).toBe('finance');
      expect(n('ＡＢＣ１２３')).toBe('abc123');
      expect(n('İstanbul')).toBe('istanbul');
    });
  });

  it('turns punctuation and symbols into single spaces, none at the ends', () => {
    expect(n('  l’organisation, (2023–2025)!  ')).toBe('l organisation 2023 2025');
    expect(n('Al-Sayed')).toBe('al sayed');
    expect(n('التطوع، الشباب؛ المجتمع؟')).toBe('التطوع الشباب المجتمع');
    expect(n('«تقرير» — "report"')).toBe('تقرير report');
    expect(n('a_b%c\\d')).toBe('a b c d');
    expect(n('<script>alert(1)</script>')).toBe('script alert 1 script');
    expect(n('line\nbreak\ttab')).toBe('line break tab');
    expect(n('...')).toBe('');
  });

  it('drops invisible characters without splitting the word they are in', () => {
    expect(n('volun\u00adteer')).toBe('volunteer');
    expect(n('تط\u200cوع')).toBe('تطوع');
    expect(n('\u200fالتطوع\u200e')).toBe('التطوع');
    expect(n('\ufeffword')).toBe('word');
  });

  it('is idempotent', () => {
    for (const text of ['Bénévolat étudiant', 'الْمُتَطَوِّعِينَ في الأُسْرَةِ', 'Ｘ-ray ٢٠٢٥'])
      expect(n(n(text))).toBe(n(text));
  });
});

describe('normaliseWithOrigin', () => {
  it('says where in the original each unit of the normal form came from', () => {
    const original = 'Étude, الْأُسْرَة';
    const { text, start, end } = normaliseWithOrigin(original);
    expect(text).toBe('etude الاسره');
    expect(start).toHaveLength(text.length);
    const at = text.indexOf('الاسره');
    // The Arabic word spans its diacritics in the original.
    expect(original.slice(start[at], end[at + 'الاسره'.length - 1])).toBe('الْأُسْرَة');
    expect(original.slice(start[0], end[4])).toBe('Étude');
  });

  it('keeps every unit of a text whose characters decompose into longer forms', () => {
    // ﷺ is a whole phrase once decomposed: the text grows past its original length.
    const original = `${'ﷺ'.repeat(3)} ${'x'.repeat(200)}`;
    const { text, start, end } = normaliseWithOrigin(original);
    expect(text.length).toBeGreaterThan(original.length);
    expect(text.endsWith(` ${'x'.repeat(200)}`)).toBe(true);
    expect(start).toHaveLength(text.length);
    expect(end[text.length - 1]).toBe(original.length);
  });

  it('keeps surrogate pairs whole', () => {
    const original = '𝐀𝐁 x';
    const { text, start, end } = normaliseWithOrigin(original);
    expect(text).toBe('ab x');
    expect(original.slice(start[0], end[1])).toBe('𝐀𝐁');
  });
});

describe('searchTerms', () => {
  it('normalises the words typed, each once, longest first', () => {
    expect(searchTerms('Bénévolat  bénévolat RABAT')).toEqual(['benevolat', 'rabat']);
    expect(searchTerms('الأُسْرَة والتطوّع')).toEqual(['والتطوع', 'الاسره']);
  });

  it('leaves out single letters and digits, and gives nothing for punctuation alone', () => {
    expect(searchTerms('a b 1 in')).toEqual(['in']);
    expect(searchTerms('! ؟ …')).toEqual([]);
    expect(searchTerms('ـ')).toEqual([]);
  });

  it(`keeps at most ${MAX_TERMS} words`, () => {
    const typed = Array.from({ length: 20 }, (_, i) => `word${String(i).padStart(2, '0')}`).join(
      ' ',
    );
    expect(searchTerms(typed)).toHaveLength(MAX_TERMS);
  });
});

describe('wholeWordOnly', () => {
  it('finds a word of two letters only as a whole word, a longer one inside words too', () => {
    expect(wholeWordOnly('في')).toBe(true);
    expect(wholeWordOnly('eu')).toBe(true);
    expect(wholeWordOnly('طوع')).toBe(false);
    expect(wholeWordOnly('tafilalet')).toBe(false);
  });
});
