// The circle finder on small made-up trees: what counts as an edge and what as a circle.
import { describe, expect, it } from 'vitest';
import { findCircles, importGraph } from './import-graph.mjs';

const file = (path: string, ...lines: string[]) => ({ path, text: lines.join('\n') });

describe('findCircles', () => {
  it('finds no circle in a tree', () => {
    const files = [
      file('a.ts', "import { b } from './b.js';", "import { c } from './c.js';"),
      file('b.ts', "import { c } from './c.js';"),
      file('c.ts', "import { z } from 'zod';"),
    ];
    expect(findCircles(files)).toEqual([]);
  });

  it('finds a circle of three files and reports it once', () => {
    const files = [
      file('x/a.ts', "import { b } from './b.js';"),
      file('x/b.ts', "export { c } from '../y/c.js';"),
      file('y/c.ts', "import('../x/a.js');"),
      file('y/d.ts', "import { a } from '../x/a.js';"),
    ];
    expect(findCircles(files)).toEqual([['x/a.ts', 'x/b.ts', 'y/c.ts']]);
  });

  it('counts type-only imports, so a circle over one type is a circle', () => {
    const files = [
      file('store.ts', "import type { Write } from './write.js';"),
      file('write.ts', "import type { Store } from './store.js';"),
    ];
    expect(findCircles(files)).toEqual([['store.ts', 'write.ts']]);
  });

  it('counts a type import() and a file importing itself', () => {
    const files = [
      file('a.ts', "export type B = import('./b.js').B;"),
      file('b.ts', "import type { A } from './a.js';"),
      file('self.tsx', "import './self.js';"),
    ];
    expect(findCircles(files)).toEqual([['a.ts', 'b.ts'], ['self.tsx']]);
  });

  it('finds separate circles separately', () => {
    const files = [
      file('p.ts', "import './q.js';"),
      file('q.ts', "import './p.js';", "import './r.js';"),
      file('r.ts', "import './s.js';"),
      file('s.ts', "import './r.js';"),
    ];
    expect(findCircles(files)).toEqual([
      ['p.ts', 'q.ts'],
      ['r.ts', 's.ts'],
    ]);
  });
});

describe('importGraph', () => {
  it('maps .js to .ts or .tsx and ignores packages and files outside the set', () => {
    const graph = importGraph([
      file('src/app.tsx', "import './view.js';", "import 'react';", "import './missing.js';", "import './style.css';"),
      file('src/view.tsx', "import '../lib/index';"),
      file('lib/index.ts', ''),
    ]);
    expect(Object.fromEntries([...graph].map(([from, to]) => [from, [...to]]))).toEqual({
      'src/app.tsx': ['src/view.tsx'],
      'src/view.tsx': ['lib/index.ts'],
      'lib/index.ts': [],
    });
  });
});
