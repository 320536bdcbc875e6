// The preload: exposes window.stsTray (preload-api.ts) through contextBridge, and nothing
// else. Runs sandboxed with context isolation; vite.config.ts bundles it as CommonJS.

import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api.js';

contextBridge.exposeInMainWorld('stsTray', createPreloadApi(ipcRenderer));
