import { Arg, Query, Resolver } from 'type-graphql';
import { isNameLanguage, NAME_LANGUAGES } from '../../kit/language-names';
import { badInput } from '../../platform/errors';
import { Vocabulary, vocabulary } from '../vocabulary';

/** BAD_USER_INPUT naming the argument and the languages there are. */
export function checkLanguage(language: string, argument = 'language'): asserts language is (typeof NAME_LANGUAGES)[number] {
  if (!isNameLanguage(language)) {
    throw badInput(`\`${argument}\` must be one of ${NAME_LANGUAGES.join(', ')}; got "${language}".`, argument);
  }
}

@Resolver(() => Vocabulary)
export class VocabularyResolver {
  @Query(() => Vocabulary, {
    nullable: true,
    description: 'The labels of every enum value of the API in one language, for showing codes as words. It changes only with a release.',
  })
  vocabulary(@Arg('language', { description: 'es, en, pt or fr; BAD_USER_INPUT for another.' }) language: string): Vocabulary {
    checkLanguage(language);
    return vocabulary(language);
  }
}
