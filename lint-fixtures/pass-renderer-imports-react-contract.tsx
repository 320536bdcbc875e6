// lint-as: renderer/src/uses-react.tsx
// passes: sts-tray/layer-imports (React and the contract)
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import type { ErrorCode } from '../../electron/contract/error-codes.js';
import './app.css';

export const parts = { createRoot, useState };
export type Code = ErrorCode;
