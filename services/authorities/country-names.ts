import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import { NAME_LANGUAGES, type NameLanguage } from '../kit/language-names';

for (const locale of [en, es, fr, pt]) countries.registerLocale(locale);

/**
 * A country's short name in the four official languages of the OAS, from the maintained ISO list
 * (its short form where it has one: "United States", not "United States of America"; the same rule
 * as Country.name and Country.nameEs).
 */
export function countryNames(code: string): Record<NameLanguage, string> {
  return Object.fromEntries(
    NAME_LANGUAGES.map((language) => [language, countries.getName(code, language, { select: 'alias' }) ?? code]),
  ) as Record<NameLanguage, string>;
}
