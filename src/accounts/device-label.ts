/** What a person can recognise of a signed-in client: its browser (or program) and system. */
export interface Device {
  /** "Firefox", "Safari", "curl"…; null when the user agent names none we know. */
  browser: string | null;
  /** "Windows", "iPhone", "Linux"…; null when unknown. */
  os: string | null;
  /** "Chromium on Linux", "Safari on iPhone", "curl", or "Unknown device". */
  label: string;
}

// First match wins, so the order matters: Edge, Opera, Samsung Internet and the others also
// say "Chrome" (and "Safari"); Chrome on iOS says "Safari"; every WebKit browser says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\//, 'Chrome'],
  [/\bHeadlessChrome\//, 'Headless Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bChrome\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bMSIE |\bTrident\//, 'Internet Explorer'],
];

// Programs that call the API with a bearer token: named, with no system to show.
const PROGRAMS: [RegExp, string][] = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^PostmanRuntime\//, 'Postman'],
  [/^insomnia\//i, 'Insomnia'],
  [/^python-requests\//, 'Python requests'],
  [/^python-httpx\//, 'Python HTTPX'],
  [/^okhttp\//, 'OkHttp'],
  [/^Go-http-client\//, 'Go'],
  [/^axios\//, 'axios'],
  [/^node(?:-fetch)?(?:\/|$)|^undici\b/, 'Node.js'],
];

// iOS user agents say "like Mac OS X", and Android ones "Linux": those come first.
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bFreeBSD\b/, 'FreeBSD'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const firstMatch = (userAgent: string, table: [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

function labelOf(browser: string | null, os: string | null): string {
  if (browser && os) return `${browser} on ${os}`;
  if (os) return `Unknown browser on ${os}`;
  return browser ?? 'Unknown device';
}

/**
 * The device of a session, read from its user agent for people to recognise it: only the
 * common browsers, systems and API programs are named (the rest is "Unknown"). A label, not
 * a fingerprint: versions are left out.
 */
export function deviceOf(userAgent: string | null): Device {
  const ua = userAgent?.trim() ?? '';
  const program = firstMatch(ua, PROGRAMS);
  if (program) return { browser: program, os: null, label: program };
  const browser = firstMatch(ua, BROWSERS);
  const os = firstMatch(ua, SYSTEMS);
  return { browser, os, label: labelOf(browser, os) };
}
