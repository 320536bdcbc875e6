// The import graph of TypeScript sources and the circles in it, for scripts/code-figures.mjs
// and scripts/no-circles.test.ts. Every relative import counts — type-only ones too, since a
// circle over one type still ties two files together — resolved as TypeScript's NodeNext
// resolution does for this repository ('./x.js' names ./x.ts or ./x.tsx).
import path from 'node:path';
import ts from 'typescript';

/** Module specifiers a source text names: imports, export-from, import(), require, import('…') types. */
export function specifiersOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

const SOURCE_FOR = [
  ['.js', ['.ts', '.tsx', '.js']],
  ['.jsx', ['.tsx', '.jsx']],
  ['.mjs', ['.mts', '.mjs']],
  ['.cjs', ['.cts', '.cjs']],
];

/** Candidate files a relative specifier may name, most likely first. */
function candidates(target) {
  for (const [extension, sources] of SOURCE_FOR) {
    if (target.endsWith(extension)) return sources.map((source) => target.slice(0, -extension.length) + source);
  }
  return [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`];
}

/**
 * Edges between the given files: file → the files among them it imports.
 * @param {{ path: string, text: string }[]} files  posix paths, relative to one root
 * @returns {Map<string, Set<string>>}
 */
export function importGraph(files) {
  const known = new Set(files.map((file) => file.path));
  const graph = new Map();
  for (const file of files) {
    const edges = new Set();
    for (const specifier of specifiersOf(file.text)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
      const hit = candidates(target).find((candidate) => known.has(candidate));
      if (hit !== undefined) edges.add(hit);
    }
    graph.set(file.path, edges);
  }
  return graph;
}

/** Strongly connected components (Tarjan), iteratively so deep graphs cannot overflow the stack. */
export function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [{ node: start, edges: [...(graph.get(start) ?? [])], at: 0 }];
    index.set(start, next);
    low.set(start, next);
    next += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.at < frame.edges.length) {
        const to = frame.edges[frame.at];
        frame.at += 1;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next);
          next += 1;
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edges: [...(graph.get(to) ?? [])], at: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(to)));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/**
 * Import circles among the files: each strongly connected component of more than one file,
 * and each file that imports itself. Sorted, so the answer is stable.
 * @param {{ path: string, text: string }[]} files
 * @returns {string[][]}
 */
export function findCircles(files) {
  const graph = importGraph(files);
  return stronglyConnected(graph)
    .filter((component) => component.length > 1 || graph.get(component[0])?.has(component[0]))
    .sort((a, b) => a[0].localeCompare(b[0]));
}
