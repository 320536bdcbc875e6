// The console's URLs, as pure functions: where a destination given as a service name or a
// URL goes, the sign-in endpoint of a partition, the login URL, and the one check every
// opener applies before a URL leaves the process: it must be the login URL of exactly the
// sign-in endpoint in use (https, or a loopback endpoint a test configured).

import { CONSOLE_HOSTS, SIGNIN_ENDPOINTS, type Partition } from '../contract/partitions.js';
import { StsTrayError } from './errors.js';

const CONSOLE_ISSUER = 'sts-tray';

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function signinEndpointFor(partition: Partition, configured: string | undefined): string {
  return configured ?? SIGNIN_ENDPOINTS[partition];
}

/** A console URL: the home page, a service's page (`s3`), or a console URL given whole; in `region`. */
export function consoleDestination(destination: string | undefined, region: string, partition: Partition): string {
  const host = CONSOLE_HOSTS[partition];
  const query = `?region=${encodeURIComponent(region)}`;
  if (destination === undefined) return `https://${host}/console/home${query}`;
  if (SERVICE_NAME.test(destination)) return `https://${host}/${destination}/${query}`;
  let url: URL | undefined;
  try {
    url = new URL(destination);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || (url.hostname !== host && !url.hostname.endsWith(`.${host}`)) || url.username || url.password) {
    throw new StsTrayError('validation', `a console destination is a service name like s3 or an https URL on ${host}`);
  }
  if (!url.searchParams.has('region')) url.searchParams.set('region', region);
  return url.toString();
}

export function loginUrl(endpoint: string, signinToken: string, destination: string): string {
  const url = new URL(endpoint);
  url.search = '';
  url.searchParams.set('Action', 'login');
  url.searchParams.set('Issuer', CONSOLE_ISSUER);
  url.searchParams.set('Destination', destination);
  url.searchParams.set('SigninToken', signinToken);
  return url.toString();
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Null when `url` is a login URL of exactly `endpoint` (the one sign-in endpoint in use),
 * else why not. Only https, but for a loopback endpoint set for tests.
 */
export function checkConsoleUrl(url: string, endpoint: string): string | null {
  let target: URL;
  let allowed: URL;
  try {
    target = new URL(url);
    allowed = new URL(endpoint);
  } catch {
    return 'not a URL';
  }
  const secure = allowed.protocol === 'https:' || (allowed.protocol === 'http:' && LOOPBACK.has(allowed.hostname));
  if (!secure) return `the sign-in endpoint ${allowed.origin} is neither https nor loopback`;
  if (target.origin !== allowed.origin || target.pathname !== allowed.pathname || target.username || target.password) {
    return `only the sign-in endpoint ${allowed.origin}${allowed.pathname} may be opened`;
  }
  if (target.searchParams.get('Action') !== 'login') return 'only the console login may be opened';
  return null;
}
