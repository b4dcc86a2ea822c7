/**
 * The renderer's Content Security Policy (Electron security checklist §7): the meta tag in
 * renderer/index.html, which the desktop window loads, and the header the served console sends.
 * No eval, no inline script, no source outside the app's own origin, nothing allowed by default.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP as SERVED_CSP } from '../../main/core/serve/servedConsole';

const INDEX_HTML = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));

type Policy = Map<string, string[]>;

function parsePolicy(policy: string): Policy {
  const directives: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // A repeated directive is ignored by browsers; treat it as an error here.
    expect(directives.has(name.toLowerCase()), `directive ${name} twice`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function metaPolicies(html: string): { policy: string; index: number }[] {
  return [...html.matchAll(/<meta\b[^>]*>/gis)]
    .filter((m) => /http-equiv\s*=\s*["']?content-security-policy/i.test(m[0]))
    .map((m) => ({ policy: /\bcontent\s*=\s*"([^"]*)"/is.exec(m[0])?.[1] ?? '', index: m.index }));
}

/** CSP level 3 fallbacks: where a browser looks when a directive is absent. */
const FALLBACK: Record<string, string[]> = {
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'script-src': ['default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'object-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
  'connect-src': ['default-src'],
};
const effective = (p: Policy, directive: string): string[] | undefined =>
  [directive, ...(FALLBACK[directive] ?? [])].map((d) => p.get(d)).find((s) => s !== undefined);

const isOwnSource = (s: string) => ["'self'", "'none'"].includes(s) || /^'(sha(256|384|512)|nonce)-/.test(s);

function checkPolicy(p: Policy) {
  it("sets default-src to 'none' or 'self', so anything not named is refused", () => {
    expect([["'none'"], ["'self'"]]).toContainEqual(p.get('default-src'));
  });

  it('allows no eval and no inline script anywhere', () => {
    for (const [name, sources] of p)
      for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'"])
        expect(sources, `${name} ${bad}`).not.toContain(bad);
  });

  it.each(['script-src', 'script-src-elem', 'script-src-attr', 'worker-src', 'object-src', 'frame-src'])(
    'loads %s from the app itself only (no remote host, scheme or wildcard)',
    (directive) => {
      const sources = effective(p, directive);
      expect(sources, `${directive} falls back to nothing`).toBeDefined();
      expect(sources!.filter((s) => !isOwnSource(s))).toEqual([]);
    },
  );

  it('connects to nothing but the app (no exfiltration over fetch or WebSocket)', () => {
    expect(effective(p, 'connect-src')).toEqual(["'self'"]);
  });

  it('names no remote source in any directive (data: only for images and fonts)', () => {
    for (const [name, sources] of p) {
      if (name === 'frame-ancestors') continue;
      const foreign = sources.filter(
        (s) => !isOwnSource(s) && !(s === 'data:' && /^(img|font)-src$/.test(name)),
      );
      expect(foreign, name).toEqual([]);
    }
  });

  it("pins base-uri and form-action to 'none'", () => {
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(p.get('form-action')).toEqual(["'none'"]);
  });
}

describe('renderer/index.html', () => {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const metas = metaPolicies(html);

  it('has exactly one CSP meta tag, before anything it must govern', () => {
    expect(metas).toHaveLength(1);
    const firstGoverned = html.search(/<(script|link|style|base|img|iframe|object)\b/i);
    expect(firstGoverned).toBeGreaterThan(metas[0]!.index);
  });

  it('has no inline script or handler for the policy to have to allow', () => {
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(m[1], 'a script without src').toMatch(/\bsrc\s*=/);
      expect(m[2]!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  describe('its policy', () => checkPolicy(parsePolicy(metas[0]?.policy ?? '')));
});

describe('the served console’s CSP header', () => {
  const served = parsePolicy(SERVED_CSP);
  describe('its policy', () => checkPolicy(served));

  it("is the page's policy plus frame-ancestors 'none' (which a meta tag cannot set)", () => {
    const page = parsePolicy(metaPolicies(readFileSync(INDEX_HTML, 'utf8'))[0]?.policy ?? '');
    expect(served.get('frame-ancestors')).toEqual(["'none'"]);
    const withoutFrameAncestors = new Map([...served].filter(([name]) => name !== 'frame-ancestors'));
    expect(withoutFrameAncestors).toEqual(page);
  });
});
