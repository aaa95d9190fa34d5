import { stableId } from './ids';

/**
 * The keys of the fictional demo directory, shared so that each subgraph's demo seed can refer to
 * the others' rows (an agreement's party authority, a practice's organization) by a stable id.
 * Every demo row is flagged `isDemo` and can be switched off with SEED_DEMO=false.
 */
export const DEMO_AUTHORITY_COUNTRIES = ['AR', 'BO', 'BR', 'CO', 'GT', 'HT', 'MX', 'PE', 'PY', 'SV'] as const;
export const DEMO_AUTHORITY_SLOTS = ['coordination', 'prosecution', 'protection'] as const;
export type DemoAuthoritySlot = (typeof DEMO_AUTHORITY_SLOTS)[number];

export const demoAuthorityId = (country: string, slot: DemoAuthoritySlot): string => stableId(`demo:authority:${country}:${slot}`);

/** Demo organizations: slug and country of each; organizations/demo.ts gives the rest. */
export const DEMO_ORGANIZATIONS = [
  { slug: 'casa-esperanza-gt', country: 'GT' },
  { slug: 'linea-libre-mx', country: 'MX' },
  { slug: 'defensa-legal-co', country: 'CO' },
  { slug: 'wasi-munay-pe', country: 'PE' },
  { slug: 'tekopora-py', country: 'PY' },
  { slug: 'lakay-sekirite-ht', country: 'HT' },
  { slug: 'camino-seguro-bo', country: 'BO' },
  { slug: 'rede-acolher-br', country: 'BR' },
  { slug: 'puentes-ar', country: 'AR' },
  { slug: 'manos-unidas-sv', country: 'SV' },
] as const;

export const demoOrganizationId = (slug: string): string => stableId(`demo:organization:${slug}`);
