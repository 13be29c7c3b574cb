import type { ESLint } from 'eslint';

/** Types for table-ownership.js (linted and run as plain JS; imported by a unit test). */
declare const plugin: ESLint.Plugin;
export default plugin;
export declare const ALL_TABLES: readonly string[];
