// `npm run scan`: the electronegativity scan of the built app, printed for people.
// Exits 1 on any finding not justified in electronegativity-exclusions.md.

import { formatFinding, scanBuiltApp } from './electronegativity-scan.js';

const result = await scanBuiltApp();
console.log(`electronegativity: ${result.checksRun} checks over dist/{${result.scanned.join(',')}} and package.json`);
console.log('(the tool’s “Could not retrieve updated translations” line is expected: the scan runs offline)');
for (const error of result.parseErrors) console.log(`NOT PARSED (so not scanned): ${error}`);
for (const finding of result.excluded) console.log(`excluded (see electronegativity-exclusions.md): ${formatFinding(finding)}`);
for (const finding of result.findings) console.log(`FINDING: ${formatFinding(finding)}`);
const failed = result.findings.length > 0 || result.parseErrors.length > 0;
console.log(failed ? `${result.findings.length} finding(s), ${result.parseErrors.length} parse error(s)` : 'no findings');
process.exitCode = failed ? 1 : 0;
