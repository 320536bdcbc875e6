// Prints the figures the design's goals are measured by: product source lines, the share of
// the Electron shell (electron/main + electron/preload), the largest files, the longest
// functions and the import circles. A table for people, then one JSON line for scripts.
// `npm run figures`; product source is defined in scripts/repo-files.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { findCircles } from './import-graph.mjs';
import { isProductFile, isTypeScript, trackedFiles } from './repo-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOP = 10;

/** Lines as `wc -l` counts them, plus a last line without a newline. */
function lineCount(text) {
  const newlines = text.split('\n').length - 1;
  return text.length > 0 && !text.endsWith('\n') ? newlines + 1 : newlines;
}

function scriptKind(file) {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  return file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
}

const FUNCTION_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** A readable name: the declaration's own, else what it is assigned to; prefixed by its class. */
function functionName(node, source) {
  const nameOf = (named) => (named.name ? named.name.getText(source) : undefined);
  let name = ts.isConstructorDeclaration(node) ? 'constructor' : nameOf(node);
  const parent = node.parent;
  if (name === undefined && parent) {
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
      name = nameOf(parent);
    } else if (ts.isCallExpression(parent)) {
      name = `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
    }
  }
  const owner = ts.isClassLike(parent) ? parent : parent && ts.isPropertyDeclaration(parent) ? parent.parent : undefined;
  const className = owner && ts.isClassLike(owner) && owner.name ? `${owner.name.getText(source)}.` : '';
  return `${className}${name ?? '(anonymous)'}`;
}

/** Every function-like node of a file with its length in lines. */
function functionsOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const found = [];
  const visit = (node) => {
    if (FUNCTION_KINDS.has(node.kind) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, line: first + 1, name: functionName(node, source), lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function measure() {
  const tracked = trackedFiles(root);
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  const product = tracked.filter(isProductFile).map((file) => ({ file, text: read(file) }));
  const sized = product.map(({ file, text }) => ({ file, lines: lineCount(text) }));
  const productLines = sized.reduce((sum, entry) => sum + entry.lines, 0);
  const shellLines = sized
    .filter((entry) => /^electron\/(main|preload)\//.test(entry.file))
    .reduce((sum, entry) => sum + entry.lines, 0);
  const byLines = (a, b) => b.lines - a.lines || a.file.localeCompare(b.file);
  const circles = findCircles(tracked.filter(isTypeScript).map((file) => ({ path: file, text: read(file) })));
  return {
    productFiles: product.length,
    productLines,
    shellLines,
    shellSharePercent: productLines === 0 ? 0 : Math.round((shellLines / productLines) * 1000) / 10,
    largestFiles: sized.sort(byLines).slice(0, TOP),
    longestFunctions: product.flatMap(({ file, text }) => functionsOf(file, text)).sort(byLines).slice(0, TOP),
    circles,
  };
}

function print(figures) {
  const out = [];
  out.push(`product source (electron/, renderer/; no tests, no testing/): ${figures.productLines} lines in ${figures.productFiles} files`);
  out.push(`electron/main + electron/preload: ${figures.shellLines} lines, ${figures.shellSharePercent} % of product source`);
  out.push('', `largest product files (lines):`);
  for (const entry of figures.largestFiles) out.push(`  ${String(entry.lines).padStart(5)}  ${entry.file}`);
  out.push('', `longest functions and methods (lines):`);
  for (const entry of figures.longestFunctions) {
    out.push(`  ${String(entry.lines).padStart(5)}  ${entry.name}  ${entry.file}:${entry.line}`);
  }
  out.push('', `import circles among .ts/.tsx files: ${figures.circles.length}`);
  for (const circle of figures.circles) out.push(`  ${circle.join(' <-> ')}`);
  out.push('', JSON.stringify(figures));
  console.log(out.join('\n'));
}

print(measure());
