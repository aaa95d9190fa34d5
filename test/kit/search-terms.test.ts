import { searchWords, stemsDocument } from '../../services/kit/full-text';

/** The text analysis both engines share: what a row's stems column holds and what a search asks for. */
describe('search terms and stems (docs/search.md)', () => {
  it('indexes stems in the text languages, short tokens, dashed groups, the place and the spoken languages', () => {
    const document = stemsDocument({
      texts: ['Albergues temporales 24 horas', 'Atención CIDT-MX de migrantes'],
      languages: ['es'],
      places: ['Tapachula'],
      spoken: ['quz'],
    }).split(' ');
    expect(document).toEqual(
      expect.arrayContaining(['alberg', 'temporal', 'zzs24', 'zzjcidtmx', 'zzsmx', 'tapachula', 'zzlquz', 'zzlque']),
    );
    // A common two-letter word is no token; a stem equal to its word is in the text columns already.
    expect(document).not.toContain('zzsde');
    expect(document).not.toContain('horas');
  });

  it('reads a search as terms: word or stems, short and dashed tokens exact, a language name as its codes', () => {
    const [plural] = searchWords('albergues');
    expect(plural.words).toEqual(['albergues']);
    expect(plural.tokens).toContain('alberg');
    expect(plural.prefix).toBe(true);
    expect(searchWords('24').map((term) => term.tokens)).toEqual([['zzs24']]);
    expect(searchWords('CIDT-MX').map((term) => term.tokens)).toEqual([['zzjcidtmx']]);
    expect(searchWords('casa de acogida').flatMap((term) => term.words)).toEqual(['casa', 'acogida']);
    for (const name of ['kiche', "k'iche'", 'quiché', 'K’iche’']) {
      expect(searchWords(name).flatMap((term) => term.spoken)).toContain('zzlquc');
    }
    expect(searchWords('; DROP * "" -').every((term) => term.words.every((word) => /^[\p{L}\p{N}]+$/u.test(word)))).toBe(true);
    expect(searchWords('a . ,')).toEqual([]);
  });
});
