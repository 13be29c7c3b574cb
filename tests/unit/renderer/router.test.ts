import { describe, expect, it } from 'vitest';
import { routeSegments } from '../../../renderer/src/app/router';

describe('routeSegments', () => {
  it('decodes percent-encoded segments and drops the query', () => {
    expect(routeSegments('households/h%20x/plan?focus=intake')).toEqual(['households', 'h x', 'plan']);
  });
  it('keeps a malformed segment as it stands instead of throwing (the shell reads it outside the ErrorBoundary)', () => {
    expect(() => decodeURIComponent('%E0')).toThrow();
    expect(routeSegments('households/%E0')).toEqual(['households', '%E0']);
  });
  it('an empty route has no segments', () => {
    expect(routeSegments('')).toEqual([]);
  });
});
