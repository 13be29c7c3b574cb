// Static Electron security scan (npm run lint:electron) with Doyensec's electronegativity,
// over the main-process and preload sources in electron/.
//
// - Offline and fast: AvailableSecurityFixesGlobalCheck is excluded because it downloads
//   Electron's release list; the Electron version is read from node_modules instead.
// - Every finding fails the run, whatever its severity or confidence.
// - CSP: the scanner only recognises a CSP set by rewriting webRequest headers or in HTML;
//   ours is a response header from the app:// protocol handler, so its CSPGlobalCheck would
//   always say "no CSP". That check is replaced, not dropped: the policies the app really
//   sends (electron/csp.ts) are run through the same evaluator (@doyensec/csp-evaluator),
//   and every evaluator finding fails unless it is listed in CSP_ACCEPTED with a reason.
// - Suppressions are inline `eng-disable CHECK_ID` comments in the source, each with its
//   reason on the same line; this script lists them so they stay visible in CI output.
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, 'electron');
// Check class names, as the scanner's exclusion list expects them.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'];

/** Evaluator findings on our CSP that are accepted, each with its reason. */
const CSP_ACCEPTED = [
  {
    directive: 'script-src',
    match: /'self' can be problematic/,
    reason:
      "'self' is app://wijktafel, served only from the built bundle by the protocol handler: no JSONP, no Angular, no user uploads",
  },
  {
    directive: 'script-src',
    match: /'wasm-unsafe-eval' seems to be an invalid CSP keyword/,
    reason:
      "'wasm-unsafe-eval' is a valid CSP3 keyword the evaluator predates; it allows compiling the Argon2id WebAssembly, not JS eval",
  },
];

/** Compiles electron/csp.ts (and shared/csp.ts) in memory and returns the policies main sends. */
async function loadPolicies() {
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [resolve(root, 'electron/csp.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = bundled.outputFiles[0]?.text ?? '';
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { CSP_HEADER: mod.CSP_HEADER, PRINT_CSP_HEADER: mod.PRINT_CSP_HEADER };
}

function evaluateCsp(policies) {
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const csp = scannerRequire('@doyensec/csp-evaluator');
  const failures = [];
  const accepted = [];
  for (const [name, policy] of Object.entries(policies)) {
    if (typeof policy !== 'string' || policy === '') {
      failures.push(`${name}: missing`);
      continue;
    }
    const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
    for (const finding of findings) {
      const known = CSP_ACCEPTED.find((a) => a.directive === finding.directive && a.match.test(finding.description));
      if (known) accepted.push(`${name} ${finding.directive}: ${known.reason}`);
      else failures.push(`${name} ${finding.directive}: ${finding.description}`);
    }
  }
  return { failures, accepted };
}

async function listSources(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
      return /\.(ts|js|html)$/.test(entry.name) ? [path] : [];
    }),
  );
  return files.flat();
}

/** Inline suppressions with their reasons; one without a reason is itself an error. */
async function collectSuppressions(files) {
  const found = [];
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const match = /eng-disable\s+([A-Z0-9_]+(?:[ ,]+[A-Z0-9_]+)*)\s*(.*?)\s*(?:\*\/)?\s*,?\s*$/.exec(line);
      if (match) {
        const reason = (match[2] ?? '').replace(/\*\/.*$/, '').replace(/^[\s—:-]+/, '').trim();
        found.push({ file: relative(root, file), line: index + 1, checks: match[1], reason });
      }
    });
  }
  return found;
}

async function main() {
  const started = Date.now();
  const electronVersion = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')).version;
  const run = require('@doyensec/electronegativity');
  // The scanner logs a progress bar and warnings through console; keep our output readable.
  const { log: originalLog, warn: originalWarn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  let result;
  try {
    result = await run({
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = originalLog;
    console.warn = originalWarn;
  }

  const out = (line) => process.stdout.write(`${line}\n`);
  const cspResult = evaluateCsp(await loadPolicies());
  const suppressions = await collectSuppressions(await listSources(input));
  const unjustified = suppressions.filter((s) => s.reason.length < 10);
  const parseErrors = result.errors.filter((error) => !error.tolerable);

  for (const issue of result.issues) {
    out(`  ${issue.id}  ${issue.file}:${issue.location.line}:${issue.location.column}  ${issue.description}`);
  }
  for (const error of parseErrors) out(`  PARSE ERROR  ${relative(root, error.file)}  ${error.message}`);
  for (const s of suppressions) out(`  suppressed ${s.checks} at ${s.file}:${s.line} — ${s.reason || '(NO REASON GIVEN)'}`);
  for (const s of unjustified) out(`  ERROR: suppression at ${s.file}:${s.line} has no reason`);
  for (const failure of cspResult.failures) out(`  CSP_GLOBAL_CHECK (header)  ${failure}`);
  for (const accepted of cspResult.accepted) out(`  accepted CSP finding ${accepted}`);

  const findings = result.issues.length + cspResult.failures.length;
  const suppressed = suppressions.length + cspResult.accepted.length;

  out(
    `electronegativity: ${findings} findings (${suppressed} suppressed, ` +
      `${unjustified.length === 0 ? 'each justified' : `${unjustified.length} WITHOUT a reason`}); ` +
      `${result.atomicChecks + result.globalChecks} checks, Electron ${electronVersion}, ` +
      `CSP header evaluated, AvailableSecurityFixesGlobalCheck skipped (network), ${Date.now() - started} ms`,
  );
  if (findings > 0 || unjustified.length > 0 || parseErrors.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`electronegativity: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
