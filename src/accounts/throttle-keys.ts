import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client's address that names one client for throttling: an IPv4 address as it
 * is (also when written IPv4-mapped, `::ffff:192.0.2.7`), an IPv6 address by its /64 prefix,
 * since one subscriber is given a whole /64 and could otherwise change address per attempt.
 * Anything else (no address known) is one bucket, `unknown`.
 */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (isIPv4(ip)) return ip;
  const address = ip.split('%')[0];
  if (!isIPv6(address)) return 'unknown';
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].map((group) => parseInt(group, 16));
}

/**
 * Names an email address or a client network in a Redis key without writing it there: an
 * HMAC keyed with APP_SECRET, so the keys neither list who tried to sign in nor can be reversed
 * by hashing every IPv4 address or a list of known addresses.
 */
export function keyPart(secret: string, kind: 'email' | 'network', value: string): string {
  return createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url');
}
