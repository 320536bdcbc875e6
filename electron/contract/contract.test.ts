import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { EVENTS, EVENT_CHANNELS, REQUESTS, REQUEST_CHANNELS } from './channels.js';

// (`paths.credentials` is the credentials file's path, so "credential" alone is not a secret.)
const SECRET_NAME = /secret|token|password|session_?key|private/i;

interface Found {
  readonly keys: string[];
  readonly looseObjects: string[];
  readonly unknownTypes: string[];
}

/** Every object key a value of this schema can carry, walking through wrappers, arrays and unions. */
function walk(schema: z.ZodMiniType, path: string, found: Found, seen = new Set<unknown>()): Found {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string) => walk(def[key] as z.ZodMiniType, path, found, seen);
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.ZodMiniType | undefined;
      if (catchall?._zod.def.type !== 'never') found.looseObjects.push(path || '(root)');
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodMiniType>)) {
        found.keys.push(`${path}.${key}`);
        walk(value, `${path}.${key}`, found, seen);
      }
      break;
    }
    case 'array':
      inner('element');
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      inner('innerType');
      break;
    case 'pipe':
      inner('in');
      inner('out');
      break;
    case 'union':
      for (const option of def.options as z.ZodMiniType[]) walk(option, path, found, seen);
      break;
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
      break;
    default:
      found.unknownTypes.push(`${path}: ${def.type}`);
  }
  return found;
}

const responses = [
  ...Object.entries(REQUESTS).map(([channel, { response }]) => [channel, response] as const),
  ...Object.entries(EVENTS).map(([event, schema]) => [`event ${event}`, schema] as const),
];

describe('the IPC contract', () => {
  it.each(responses)('%s: no response can carry a field named like a secret, and every object is strict', (_name, schema) => {
    const found = walk(schema as z.ZodMiniType, '', { keys: [], looseObjects: [], unknownTypes: [] });
    expect(found.unknownTypes).toEqual([]);
    expect(found.keys.filter((k) => SECRET_NAME.test(k.split('.').pop() ?? ''))).toEqual([]);
    expect(found.looseObjects).toEqual([]);
  });

  it('the walker sees secret-like fields and loose objects when they are there', async () => {
    const z = await import('zod/mini');
    const bad = z.object({ nested: z.array(z.nullable(z.strictObject({ sessionToken: z.string() }))) });
    const found = walk(bad, '', { keys: [], looseObjects: [], unknownTypes: [] });
    expect(found.keys).toContain('.nested.sessionToken');
    expect(found.looseObjects).toEqual(['(root)']);
  });

  it('the name lists the preload uses are exactly the channel maps', () => {
    expect(Object.keys(REQUESTS)).toEqual([...REQUEST_CHANNELS]);
    expect(Object.keys(EVENTS)).toEqual([...EVENT_CHANNELS]);
  });

  it('only identity:add takes a secret, and it is bounded', () => {
    const takers = Object.entries(REQUESTS)
      .filter(([, { request }]) => walk(request as z.ZodMiniType, '', { keys: [], looseObjects: [], unknownTypes: [] }).keys.some((k) => SECRET_NAME.test(k)))
      .map(([channel]) => channel);
    expect(takers).toEqual(['identity:add']);
    expect(REQUESTS['identity:add'].request.safeParse({ identity: { name: 'a', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }, secretAccessKey: 'x'.repeat(257) }).success).toBe(false);
  });
});
