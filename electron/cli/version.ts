// sts-tray's version: package.json's, put in by the CLI build (scripts/build-cli.mjs defines
// the constant); 'development' where the sources run unbundled (tests).

declare const __STS_TRAY_VERSION__: string | undefined;

export const VERSION: string = typeof __STS_TRAY_VERSION__ === 'string' ? __STS_TRAY_VERSION__ : 'development';
