// STS's XML response bodies: `<{Action}Response>` with a `<{Action}Result>` and
// ResponseMetadata, and the `<ErrorResponse>` shape every Query-protocol service uses.

import type { StsError } from './sts-error.js';

export const STS_XML_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An element's children in document order: a text value or nested elements. */
export type XmlFields = ReadonlyArray<readonly [name: string, value: string | XmlFields]>;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

function render(fields: XmlFields, indent: string): string {
  return fields
    .map(([name, value]) =>
      typeof value === 'string'
        ? `${indent}<${name}>${escapeXml(value)}</${name}>\n`
        : `${indent}<${name}>\n${render(value, `${indent}  `)}${indent}</${name}>\n`,
    )
    .join('');
}

export function successXml(action: string, result: XmlFields, requestId: string, namespace = STS_XML_NAMESPACE): string {
  return (
    `<${action}Response xmlns="${namespace}">\n` +
    render([[`${action}Result`, result]], '  ') +
    render([['ResponseMetadata', [['RequestId', requestId]]]], '  ') +
    `</${action}Response>\n`
  );
}

export function errorXml(error: StsError, requestId: string, namespace = STS_XML_NAMESPACE): string {
  return (
    `<ErrorResponse xmlns="${namespace}">\n` +
    render(
      [
        [
          'Error',
          [
            ['Type', error.type],
            ['Code', error.code],
            ['Message', error.message],
          ],
        ],
        ['RequestId', requestId],
      ],
      '  ',
    ) +
    '</ErrorResponse>\n'
  );
}
