import { describe, expect, it } from 'vitest';
import { hashForNode, nodeRouteFromHash, sameNode } from './nodeRoute';

describe('node route', () => {
  it('parses the node page hash', () => {
    expect(nodeRouteFromHash('#/nodes/eu-fra-1/gpu-a-01')).toEqual({
      siteId: 'eu-fra-1',
      hostname: 'gpu-a-01',
    });
    expect(nodeRouteFromHash('#nodes/s/h')).toEqual({ siteId: 's', hostname: 'h' });
  });

  it('round-trips names that need encoding', () => {
    const r = { siteId: 'us east/1', hostname: 'node#7.example.org' };
    expect(hashForNode(r)).toBe('#/nodes/us%20east%2F1/node%237.example.org');
    expect(nodeRouteFromHash(hashForNode(r))).toEqual(r);
  });

  it.each([
    ['#/nodes', 'the table'],
    ['#/nodes/', 'no site'],
    ['#/nodes/site', 'no host'],
    ['#/nodes/site/', 'an empty host'],
    ['#/nodes//host', 'an empty site'],
    ['#/nodes/a/b/c', 'too many parts'],
    ['#/nodes/%E0%A4%A/x', 'bad encoding'],
    ['#/sites/a/b', 'another area'],
    ['', 'nothing'],
  ])('%s (%s) is not a node page', (hash) => {
    expect(nodeRouteFromHash(hash)).toBeNull();
  });

  it('compares nodes by site and hostname', () => {
    expect(sameNode({ siteId: 'a', hostname: 'h' }, { siteId: 'a', hostname: 'h' })).toBe(true);
    expect(sameNode({ siteId: 'a', hostname: 'h' }, { siteId: 'b', hostname: 'h' })).toBe(false);
    expect(sameNode(null, null)).toBe(true);
    expect(sameNode(null, { siteId: 'a', hostname: 'h' })).toBe(false);
  });
});
