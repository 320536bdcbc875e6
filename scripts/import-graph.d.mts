// Types of import-graph.mjs for the TypeScript tests that use it (scripts stay plain
// JavaScript so they run without a build step).

export interface SourceFile {
  /** A posix path relative to one root. */
  readonly path: string;
  readonly text: string;
}

export function specifiersOf(text: string): string[];
export function importGraph(files: readonly SourceFile[]): Map<string, Set<string>>;
export function stronglyConnected(graph: Map<string, Set<string>>): string[][];
export function findCircles(files: readonly SourceFile[]): string[][];
