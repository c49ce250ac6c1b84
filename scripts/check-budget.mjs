/**
 * `node scripts/check-budget.mjs [--dist dist] [--budget scripts/bundle-budget.json]`: checks the
 * built app against its size budget, after `vite build` (npm test runs it). Each rule names a glob
 * of files under dist/ and a limit, gzip (level 9) or raw, per file or for the files together; a
 * file is held to the first rule that matches it. Every JS and CSS file must match a rule, so a new
 * chunk cannot slip in unbudgeted.
 * Exits 1 naming each file (or group) over its limit; prints every size either way.
 *
 * The story's data (dist/data/) is not budgeted here: a journalist may ship any story. What the
 * first view costs in a real browser is measured by `npm run bench` (docs/performance.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dist = resolve(option('dist', 'dist'));
const budgetFile = resolve(option('budget', 'scripts/bundle-budget.json'));

function fail(message) {
  console.error(`check-budget: ${message}`);
  process.exit(1);
}

let budget;
try {
  budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
} catch (error) {
  fail(`cannot read the budget ${relative(process.cwd(), budgetFile)}: ${error.message}`);
}
if (!Array.isArray(budget?.rules) || budget.rules.length === 0) fail(`${budgetFile} needs a non-empty "rules" array`);

function walk(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    fail(`no build at ${relative(process.cwd(), dir) || dir}: run \`vite build\` first`);
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `*` matches within one path segment, `**` across segments. */
function globToRegExp(glob) {
  const source = glob
    .split('**')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

const files = walk(dist).map((path) => {
  const body = readFileSync(path);
  return { name: relative(dist, path).split('\\').join('/'), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
});
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const over = [];
const covered = new Set();
for (const rule of budget.rules) {
  const { files: glob, label = glob, maxKB, measure = 'gzip', total = false } = rule;
  if (typeof glob !== 'string' || typeof maxKB !== 'number' || !['gzip', 'raw'].includes(measure))
    fail(`bad rule ${JSON.stringify(rule)}: needs "files" (a glob), "maxKB" (a number), "measure" gzip or raw`);
  const pattern = globToRegExp(glob);
  // The first rule that matches a file is its budget: list specific rules before general ones.
  const matched = files.filter((f) => pattern.test(f.name) && !covered.has(f.name));
  matched.forEach((f) => covered.add(f.name));
  const limit = maxKB * 1024;
  if (rule.required && matched.length === 0) over.push(`${label}: no file matches ${glob}`);
  if (total) {
    const size = matched.reduce((sum, f) => sum + f[measure], 0);
    console.log(`${size > limit ? 'OVER' : 'ok  '}  ${label} (${matched.length} files, together): ${kb(size)} ${measure} of ${kb(limit)}`);
    if (size > limit) over.push(`${label} (${glob}, together) is ${kb(size)} ${measure}, over its ${kb(limit)} budget by ${kb(size - limit)}`);
  } else {
    for (const f of matched) {
      const size = f[measure];
      console.log(`${size > limit ? 'OVER' : 'ok  '}  ${f.name}: ${kb(size)} ${measure} of ${kb(limit)} (${label})`);
      if (size > limit) over.push(`${f.name} (${label}) is ${kb(size)} ${measure}, over its ${kb(limit)} budget by ${kb(size - limit)}`);
    }
  }
}
for (const f of files) {
  if (/\.(m?js|css)$/.test(f.name) && !covered.has(f.name)) over.push(`${f.name} has no budget: add a rule for it to ${relative(process.cwd(), budgetFile)}`);
}

if (over.length) {
  console.error(`\ncheck-budget: ${over.length} problem(s):`);
  for (const line of over) console.error(`  ${line}`);
  console.error(`Shrink what grew, or raise its limit in ${relative(process.cwd(), budgetFile)} if the growth is worth it (see docs/performance.md).`);
  process.exit(1);
}
console.log(`check-budget: every file within budget (${relative(process.cwd(), budgetFile)})`);
