// lint-as: electron/core/uses-vitest.test.ts
// passes: sts-tray/layer-imports (tests use the runner and their layer's testing/)
import { it } from 'vitest';
import './testing/memory-file-store.js';

it('runs', () => {});
