/**
 * `npm run lint:cycles`: no import cycle in renderer/, shared/ or electron/.
 * A cycle makes the load order decide what a module sees (a value read before its module ran
 * is undefined) and hides who owns what: app/ imports the features, so a feature that imports
 * app/'s feature list back has made the two one module.
 *
 * Type-only imports (`import type`) count too: they vanish from the bundle, so they cannot
 * break the load order, but they still tie the two modules together. Of today's code none
 * needs an exception; one that does should say why here.
 *
 * tests/unit/support/import-cycles.test.ts runs this same config over a fixture with a cycle
 * (must fail) and one without (must pass).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle. Break it by moving the shared part down, or by passing it in (a slot, a prop, a context), not by importing upwards.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
