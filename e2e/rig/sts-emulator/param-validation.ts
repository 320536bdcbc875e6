// STS's input constraints on the server side, reported the way AWS reports them:
// "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: …".
// The emulator checks them independently of sts-tray's own checks, so a bad value that
// slips through the app is caught here as AWS would catch it.

import { validationError } from './sts-error.js';

export interface StringRule {
  readonly param: string; // wire name, e.g. RoleSessionName
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp; // whole-value pattern
  readonly patternText?: string; // as AWS prints it
}

export interface IntegerRule {
  readonly param: string;
  readonly min: number;
  readonly max: number;
}

/** Collects every violation of one request, then throws one ValidationError for all. */
export class ParamCheck {
  private readonly problems: string[] = [];

  constructor(private readonly params: ReadonlyMap<string, string>) {}

  string(rule: StringRule): string | undefined {
    const value = this.params.get(rule.param);
    const at = memberName(rule.param);
    if (value === undefined) {
      if (rule.required) this.problems.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
      return undefined;
    }
    const before = this.problems.length;
    // AWS counts UTF-16 code units here as Java does.
    if (rule.min !== undefined && value.length < rule.min) {
      this.problems.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.problems.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`);
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.problems.push(
        `Value '${value}' at '${at}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`,
      );
    }
    return this.problems.length === before ? value : undefined;
  }

  integer(rule: IntegerRule): number | undefined {
    const text = this.params.get(rule.param);
    if (text === undefined) return undefined;
    const at = memberName(rule.param);
    if (!/^-?\d+$/.test(text)) {
      this.problems.push(`Value '${text}' at '${at}' failed to satisfy constraint: Member must be an integer`);
      return undefined;
    }
    const value = Number(text);
    if (value < rule.min) {
      this.problems.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have value greater than or equal to ${rule.min}`);
      return undefined;
    }
    if (value > rule.max) {
      this.problems.push(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have value less than or equal to ${rule.max}`);
      return undefined;
    }
    return value;
  }

  /** Throws AWS's ValidationError when anything failed. */
  done(): void {
    const count = this.problems.length;
    if (count === 0) return;
    throw validationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
  }
}

/** RoleSessionName → roleSessionName, as AWS names members in these messages. */
function memberName(param: string): string {
  return param.charAt(0).toLowerCase() + param.slice(1);
}

// STS's patterns, written as AWS prints them in its messages.
export const RULES = {
  roleArn: { param: 'RoleArn', required: true, min: 20, max: 2048 },
  roleSessionName: { param: 'RoleSessionName', required: true, min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  externalId: { param: 'ExternalId', min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' },
  serialNumber: { param: 'SerialNumber', min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' },
  tokenCode: { param: 'TokenCode', min: 6, max: 6, pattern: /^\d*$/, patternText: '[\\d]*' },
} as const satisfies Record<string, StringRule>;
