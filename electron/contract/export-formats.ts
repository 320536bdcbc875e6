// The shells and tools export lines are written for (see core/export-format.ts).

export const EXPORT_FORMATS = ['bash', 'fish', 'pwsh', 'cmd', 'dotenv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
