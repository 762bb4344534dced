#!/usr/bin/env node
// Runs before `npm test` (the "pretest" script). The tests read back what Tahkim writes with
// standard tools: xmllint (libxml2-utils) validates XML against the official schemas,
// pdftotext/pdftoppm/pdffonts (poppler-utils) read the typeset PDFs, and Debian's Chromium
// (/usr/bin/chromium, driven by playwright-core) opens the web pages. On a Debian machine run as
// root, missing ones are installed; elsewhere the message says what to install.
const { execFileSync, spawnSync } = require('node:child_process');

const TOOLS = {
  xmllint: 'libxml2-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  chromium: 'chromium',
};
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function ensureTools() {
  const missing = [
    ...new Set(
      Object.entries(TOOLS)
        .filter(([tool]) => !has(tool))
        .map(([, pkg]) => pkg),
    ),
  ];
  if (missing.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    console.error(
      `npm test needs: ${missing.join(', ')} (Debian/Ubuntu: apt-get install ${missing.join(' ')})`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`installing ${missing.join(', ')} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
}

ensureTools();
