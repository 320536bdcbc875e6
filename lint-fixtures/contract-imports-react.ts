// lint-as: electron/contract/uses-react.ts
// breaks: sts-tray/layer-imports (the contract imports zod only)
import 'react';
