import { clientNetwork, keyPart } from './throttle-keys';
import { delaySchedule } from './sign-in-throttle.service';
import { waitInWords } from './accounts.problems';

describe('clientNetwork', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(clientNetwork('192.0.2.7')).toBe('192.0.2.7');
    expect(clientNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientNetwork('::ffff:c000:207')).toBe('192.0.2.7');
  });

  it('names an IPv6 client by its /64, however the address is written', () => {
    const network = '2001:db8:85a3:12::/64';
    expect(clientNetwork('2001:db8:85a3:12::1')).toBe(network);
    expect(clientNetwork('2001:0db8:85a3:0012:ffff:eeee:dddd:cccc')).toBe(network);
    expect(clientNetwork('2001:DB8:85A3:12:0:0:0:2%eth0')).toBe(network);
    expect(clientNetwork('2001:db8:85a3:13::1')).not.toBe(network);
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('64:ff9b::192.0.2.7')).toBe('64:ff9b:0:0::/64');
  });

  it('puts a missing or unreadable address in one bucket', () => {
    expect(clientNetwork(undefined)).toBe('unknown');
    expect(clientNetwork('')).toBe('unknown');
    expect(clientNetwork('not an address')).toBe('unknown');
  });
});

describe('keyPart', () => {
  it('is keyed, separates kinds, and does not contain the value', () => {
    const part = keyPart('s'.repeat(32), 'email', 'someone@example.org');
    expect(part).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(part).toBe(keyPart('s'.repeat(32), 'email', 'someone@example.org'));
    expect(part).not.toBe(keyPart('t'.repeat(32), 'email', 'someone@example.org'));
    expect(part).not.toBe(keyPart('s'.repeat(32), 'network', 'someone@example.org'));
  });
});

describe('delaySchedule', () => {
  it('doubles from the first delay up to the cap', () => {
    expect(delaySchedule(2_000, 60_000)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
    expect(delaySchedule(2_000, 900_000).at(-1)).toBe(900_000);
    expect(delaySchedule(2_000, 1_000)).toEqual([1_000]);
  });
});

describe('waitInWords', () => {
  it('speaks in seconds, then minutes', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(32)).toBe('32 seconds');
    expect(waitInWords(900)).toBe('15 minutes');
  });
});
