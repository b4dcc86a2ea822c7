import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './isTrustedSender';

const packaged = { origins: [], fileIndex: '/opt/Fleet Console/resources/app/out/renderer/index.html' };
const dev = { origins: ['http://localhost:5173'] };

describe('isTrustedSender', () => {
  it.each([
    [
      'the packaged index.html',
      'file:///opt/Fleet%20Console/resources/app/out/renderer/index.html',
      true,
      packaged,
      true,
    ],
    ['another local file', 'file:///tmp/evil.html', true, packaged, false],
    [
      'a file with the index path as a query',
      'file:///tmp/evil.html?/opt/Fleet%20Console/resources/app/out/renderer/index.html',
      true,
      packaged,
      false,
    ],
    ['the dev server', 'http://localhost:5173/', true, dev, true],
    ['a look-alike host', 'http://localhost:5173.evil.com/', true, dev, false],
    ['another port', 'http://localhost:5174/', true, dev, false],
    ['https instead of http', 'https://localhost:5173/', true, dev, false],
    ['a subframe of the dev server', 'http://localhost:5173/', false, dev, false],
    ['no URL', undefined, true, dev, false],
    ['an unparsable URL', 'not a url', true, dev, false],
  ] as const)('%s', (_name, url, mainFrame, allowed, expected) => {
    expect(isTrustedSender({ url, isMainFrameOfAppWindow: mainFrame }, allowed)).toBe(expected);
  });
});
