import { Arg, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { findLanguages, languageNames, type NameLanguage } from '../../kit/language-names';
import { individualLanguagesOf, isLanguageCode, macrolanguageOf } from '../../kit/languages';
import { FirstArg, pageSize } from '../../kit/pagination';
import { MAX_SEARCH_LENGTH, searchTerm } from '../../kit/validation';
import { MAX_PAGE_SIZE } from '../../platform/limits';
import { badInput } from '../../platform/errors';
import { checkLanguage } from './vocabulary.resolver';

@ObjectType({ description: 'A language of ISO 639-3, named in one of the four languages of the OAS.' })
export class Language {
  @Field({ description: 'ISO 639-3 code, e.g. quc.' })
  code: string;

  @Field({ description: "Its name in the language asked for (CLDR's), or the ISO 639-3 reference name (English) when CLDR has none." })
  name: string;

  @Field(() => String, { nullable: true, description: 'The macrolanguage it belongs to (que for quz); null for none.' })
  macrolanguage: string | null;

  @Field(() => [String], { description: 'For a macrolanguage, its individual languages (quz, quy... for que); empty otherwise.' })
  individualLanguages: string[];
}

function toLanguage(code: string, language: NameLanguage): Language {
  return {
    code,
    name: languageNames(code)!.names[language],
    macrolanguage: macrolanguageOf(code) ?? null,
    individualLanguages: individualLanguagesOf(code),
  };
}

/** At most a page of codes, each of ISO 639-3; BAD_USER_INPUT naming the others. */
function checkCodes(codes: string[]): void {
  if (codes.length > MAX_PAGE_SIZE) throw badInput(`\`codes\` holds at most ${MAX_PAGE_SIZE} codes.`, 'codes');
  const unknown = codes.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) throw badInput(`Not ISO 639-3 codes: ${unknown.join(', ')}.`, 'codes');
}

@Resolver(() => Language)
export class LanguageResolver {
  @Query(() => [Language], {
    nullable: true,
    description:
      'ISO 639-3 languages by code or by name in any of es, en, pt, fr ("kiche", "k\'iche\'", "quiché", "guaraní": accents, case and ' +
      'apostrophes do not matter). With `search`: exact name or code matches first, then names (or a word of them) that start with it, ' +
      'then names that contain it. With `codes`: those languages, in that order. At least one of the two.',
  })
  languages(
    @Arg('search', () => String, {
      nullable: true,
      description: `A name or part of one (at most ${MAX_SEARCH_LENGTH} characters), in any of the four languages, or a code.`,
    })
    search: string | null,
    @Arg('codes', () => [String], {
      nullable: true,
      description: `ISO 639-3 codes to name (at most ${MAX_PAGE_SIZE}); BAD_USER_INPUT for an unknown one.`,
    })
    codes: string[] | null,
    @Arg('language', () => String, {
      nullable: true,
      defaultValue: 'es',
      description: 'The language of the names: es (default), en, pt or fr.',
    })
    language: string,
    @FirstArg() first: number | null,
  ): Language[] {
    checkLanguage(language);
    const limit = pageSize(first);
    const term = searchTerm(search);
    if (term === null && codes == null) throw badInput('Give `search` or `codes`.', 'search');
    if (codes != null) checkCodes(codes);
    const named = codes != null ? [...new Set(codes)] : null;
    let found: string[];
    if (term === null) found = named!;
    else if (named === null) found = findLanguages(term, language, limit);
    else found = findLanguages(term, language, Infinity).filter((code) => named.includes(code));
    return found.slice(0, limit).map((code) => toLanguage(code, language));
  }
}
