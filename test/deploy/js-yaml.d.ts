/**
 * js-yaml 3 reaches node_modules through jest (babel-plugin-istanbul) and ships no types; the deploy
 * tests need a YAML reader only to read docker-compose.yml, and only the safe loader.
 */
declare module 'js-yaml' {
  export function safeLoad(text: string): unknown;
}
