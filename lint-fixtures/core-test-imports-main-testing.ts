// lint-as: electron/core/reaches-up.test.ts
// breaks: sts-tray/layer-imports (a lower layer's tests never use a higher layer's testing/)
import '../main/testing/fake-electron.js';
