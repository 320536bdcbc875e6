// ESLint rule enforcing the layer table in eslint-rules/layers.js as an allow-list: every
// import, export-from, dynamic import(), require() and type import('…') of a file under
// electron/ or renderer/ is resolved (relative paths against the file, bare names to their
// package, `node:x` and node:module's builtinModules to "a Node builtin") and refused
// unless the file's layer allows it. Production files never import a testing/ folder.
// Files elsewhere (e2e/, bench/, scripts/, root config) are not checked.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { LAYERS, TEST_PACKAGES } from './layers.js';

const BUILTINS = new Set(builtinModules);

/** Repository-relative posix path of an absolute path. */
function fromRoot(root, absolute) {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** The layer name holding a repository-relative path, or undefined. */
function layerOf(relative) {
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (relative === layer.folder || relative.startsWith(`${layer.folder}/`)) return name;
  }
  return undefined;
}

const isTestFile = (relative) => /\.test\.[cm]?[jt]sx?$/.test(relative);
const inTestingFolder = (relative) => relative.split('/').slice(0, -1).includes('testing');

/** Package name of a bare specifier: 'zod/mini' → 'zod', '@aws-sdk/client-sts/x' → '@aws-sdk/client-sts'. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/**
 * What a specifier names, seen from the importing file.
 * @returns {{ kind: 'builtin' } | { kind: 'package', name: string } |
 *   { kind: 'file', path: string, layer: string | undefined, testing: boolean }}
 */
export function resolveTarget(root, importerAbsolute, specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const relative = fromRoot(root, path.resolve(path.dirname(importerAbsolute), specifier));
    return { kind: 'file', path: relative, layer: layerOf(relative), testing: inTestingFolder(relative) };
  }
  if (isBuiltin(specifier)) return { kind: 'builtin' };
  return { kind: 'package', name: packageName(specifier) };
}

const packageAllowed = (allowed, name) =>
  allowed.some((entry) => (entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : entry === name));

/** The list a file may import from: its layer's, widened for tests and testing/ folders. */
function allowanceOf(layerName, forTests) {
  const layer = LAYERS[layerName];
  return {
    layers: layer.layers,
    packages: forTests ? [...layer.packages, ...TEST_PACKAGES] : layer.packages,
    builtins: forTests ? layer.builtins || layer.testBuiltins : layer.builtins,
    testing: forTests,
  };
}

function describeAllowance(allowance) {
  const parts = allowance.layers.map((name) => LAYERS[name].folder);
  parts.push(...allowance.packages);
  if (allowance.builtins) parts.push('Node builtins');
  if (allowance.testing) parts.push('the testing/ folders of those layers');
  return parts.join(', ');
}

function describeTarget(specifier, target) {
  if (target.kind === 'builtin') return `'${specifier}' is a Node builtin`;
  if (target.kind === 'package') return `'${specifier}' is the package ${target.name}`;
  if (target.layer === undefined) return `'${specifier}' resolves to ${target.path}, outside every layer`;
  return `'${specifier}' is in ${LAYERS[target.layer].folder}`;
}

/** Undefined when allowed; otherwise the message data. */
function refusal(allowance, specifier, target) {
  if (target.kind === 'builtin' && allowance.builtins) return undefined;
  if (target.kind === 'package' && packageAllowed(allowance.packages, target.name)) return undefined;
  if (target.kind === 'file' && target.layer !== undefined && allowance.layers.includes(target.layer)) {
    if (!target.testing || allowance.testing) return undefined;
    return { messageId: 'testing', data: { specifier } };
  }
  return { messageId: 'forbidden', data: { target: describeTarget(specifier, target) } };
}

/** The string a module-naming node holds, if it is a constant. */
function literalSource(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return literalSource(node.literal);
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what eslint-rules/layers.js allows it' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          // Known violations waiting for a move already planned: each is skipped while it is
          // refused and reported once it is gone, so the list only ever shrinks.
          pending: {
            type: 'array',
            items: {
              type: 'object',
              properties: { file: { type: 'string' }, import: { type: 'string' } },
              required: ['file', 'import'],
              additionalProperties: false,
            },
          },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{layer}} may import only {{allowed}}; {{target}} ({{hint}})',
      testing:
        "production code in {{layer}} may not import a testing/ folder ('{{specifier}}'): tests and testing/ folders may; move what production needs out of testing/",
      computed: '{{layer}}: a computed module name cannot be checked against the layer table; import a constant path',
      stalePending:
        "{{file}} no longer has the refused import '{{specifier}}': drop it from the rule's pending list in eslint.config.js",
      noLayer: '{{file}} is under electron/ but in no layer of eslint-rules/layers.js; add its folder there',
    },
  },
  create(context) {
    const { root, pending = [] } = context.options[0];
    const file = fromRoot(root, context.filename);
    const waiting = new Set(pending.filter((entry) => entry.file === file).map((entry) => entry.import));
    const seen = new Set();
    const layerName = layerOf(file);
    if (layerName === undefined) {
      if (!file.startsWith('electron/')) return {};
      return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { file } }) };
    }
    const forTests = isTestFile(file) || inTestingFolder(file);
    const allowance = allowanceOf(layerName, forTests);
    const layerLabel = `${LAYERS[layerName].folder}${forTests ? ' tests' : ''}`;

    function check(node, sourceNode) {
      const specifier = literalSource(sourceNode);
      if (specifier === undefined) {
        context.report({ node, messageId: 'computed', data: { layer: layerLabel } });
        return;
      }
      const refused = refusal(allowance, specifier, resolveTarget(root, context.filename, specifier));
      if (refused === undefined) return;
      if (waiting.has(specifier)) {
        seen.add(specifier);
        return;
      }
      context.report({
        node: sourceNode,
        messageId: refused.messageId,
        data: {
          layer: layerLabel,
          allowed: describeAllowance(allowance),
          hint: LAYERS[layerName].hint,
          ...refused.data,
        },
      });
    }

    return {
      'Program:exit': (node) => {
        for (const specifier of waiting) {
          if (!seen.has(specifier)) context.report({ node, messageId: 'stalePending', data: { file, specifier } });
        }
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(node, node.arguments[0]);
        }
      },
    };
  },
};

export default { meta: { name: 'sts-tray' }, rules: { 'layer-imports': layerImports } };
