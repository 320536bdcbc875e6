import { describe, expect, it } from 'vitest';
import { encodedMessageOf, readDecoded } from './authorization-message.js';

describe('authorization messages', () => {
  it('takes a copied blob with line breaks and quotes', () => {
    expect(encodedMessageOf('"abcDEF0123456789\n  -_ghijklmnop"\n')).toBe('abcDEF0123456789-_ghijklmnop');
  });

  it.each(['', 'short', 'Encoded authorization failure message: <none>', 'abc$def0123456789012'])('refuses %j as not a message', (text) => {
    expect(() => encodedMessageOf(text)).toThrow(/not an encoded authorization message/);
  });

  it("reads AWS's decoded layout into what a person looks for", () => {
    const decoded = readDecoded(
      JSON.stringify({
        allowed: false,
        explicitDeny: true,
        matchedStatements: { items: [{ statementId: 'DenyRun', effect: 'DENY', actions: { items: [{ value: 'ec2:RunInstances' }] }, resources: { items: [{ value: '*' }] } }] },
        context: {
          principal: { arn: 'arn:aws:sts::222222222222:assumed-role/r/s' },
          action: 'ec2:RunInstances',
          resource: 'arn:aws:ec2:ap-northeast-1:222222222222:instance/*',
          conditions: { items: [{ key: 'aws:RequestedRegion', values: { items: [{ value: 'ap-northeast-1' }] } }] },
        },
      }),
    );
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: true,
      action: 'ec2:RunInstances',
      principal: 'arn:aws:sts::222222222222:assumed-role/r/s',
      statements: [{ id: 'DenyRun', effect: 'DENY', actions: ['ec2:RunInstances'], resources: ['*'] }],
      conditions: [{ key: 'aws:RequestedRegion', values: ['ap-northeast-1'] }],
    });
    expect(decoded.json).toContain('\n  "allowed": false');
  });
});
