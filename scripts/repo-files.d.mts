// Types of repo-files.mjs for the TypeScript tests that use it.

export function trackedFiles(root: string): string[];
export function isTypeScript(file: string): boolean;
export function isProductFile(file: string): boolean;
