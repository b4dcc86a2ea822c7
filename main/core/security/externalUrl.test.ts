import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, externalUrl } from './externalUrl';

describe('externalUrl', () => {
  it.each([
    ['an https link', 'https://docs.example.com/fleet?x=1#top', 'https://docs.example.com/fleet?x=1#top'],
    ['an http link', 'http://example.com', 'http://example.com/'],
    ['an upper-case scheme and host, normalised', 'HTTPS://Example.COM/a', 'https://example.com/a'],
    ['a default port, dropped', 'https://example.com:443/a', 'https://example.com/a'],
    ['a path with dot segments, resolved', 'https://example.com/a/../b', 'https://example.com/b'],
    ['an IDN host, as punycode', 'https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['empty credentials, dropped', 'https://:@example.com/', 'https://example.com/'],
    ['backslashes, as the browser would read them', 'https:\\\\example.com\\a', 'https://example.com/a'],
  ])('opens %s', (_name, raw, expected) => {
    expect(externalUrl(raw)).toBe(expected);
  });

  it.each([
    // other schemes
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: with a comment that looks like a URL', 'javascript://https://example.com/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC path', '\\\\evil.example\\share\\payload.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://example.com/0b2d3c9e-1234-4abc-9def-000000000000'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['mailto:', 'mailto:ops@example.com'],
    ['ftp:', 'ftp://example.com/file'],
    ['ws:', 'ws://example.com/'],
    ['an OS protocol handler', 'ms-settings:privacy'],
    ['ssh:', 'ssh://root@example.com'],
    ['smb:', 'smb://evil.example/share'],
    ['chrome:', 'chrome://settings'],
    ['devtools:', 'devtools://devtools/bundled/inspector.html'],
    // credentials
    ['a user and password', 'https://user:pass@example.com/'],
    ['a user only', 'https://user@example.com/'],
    ['a host disguised as a user', 'https://bank.example.com@evil.example/'],
    ['an encoded slash in the user', 'https://bank.example.com%2F@evil.example/'],
    // whitespace and control characters
    ['a leading space', ' https://example.com/'],
    ['a trailing newline', 'https://example.com/\n'],
    ['a tab in the scheme', 'ht\ttps://example.com/'],
    ['a newline in the scheme that would spell javascript:', 'java\nscript:alert(1)'],
    ['a carriage return in the host', 'https://exa\rmple.com/'],
    ['a NUL', 'https://example.com/\u0000'],
    ['a space in the path', 'https://example.com/a b'],
    ['DEL', 'https://example.com/\u007f'],
    ['a C1 control', 'https://example.com/\u0085'],
    // look-alike schemes
    ['a Cyrillic h in the scheme', '\u04bbttps://example.com/'],
    ['a fullwidth h in the scheme', '\uff48ttps://example.com/'],
    ['a fullwidth colon after the scheme', 'https\uff1a//example.com/'],
    ['a Cyrillic s in the scheme', 'http\u0455://example.com/'],
    ['a zero-width space in the scheme', 'ht\u200btps://example.com/'],
    ['a right-to-left override', '\u202ehttps://example.com/'],
    // not URLs at all
    ['nothing', ''],
    ['a relative path', '/settings'],
    ['a scheme-relative URL', '//evil.example/'],
    ['a bare host', 'example.com'],
    ['https with no host', 'https://'],
    ['too long', `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('refuses %s', (_name, raw) => {
    expect(externalUrl(raw)).toBeNull();
  });

  it.each([[undefined], [null], [42], [{ href: 'https://example.com/' }], [new URL('https://example.com/')]])(
    'refuses a non-string (%s)',
    (raw) => {
      expect(externalUrl(raw)).toBeNull();
    },
  );

  it('returns only http(s) hrefs without credentials, and the same answer for its own output', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
        (raw) => {
          const href = externalUrl(raw);
          if (href === null) return;
          const url = new URL(href);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(url.username + url.password).toBe('');
          expect(externalUrl(href)).toBe(href);
        },
      ),
    );
  });
});
