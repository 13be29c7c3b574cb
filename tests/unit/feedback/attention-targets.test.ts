import { describe, expect, it } from 'vitest';
import { focusTargetOf } from '../../../renderer/src/app/router';
import { targetOf } from '../../../renderer/src/features/feedback/components/common';

/** Each attention line goes straight to the place where it is resolved. */
describe('attention line targets', () => {
  it('an expiring consent opens the household at its consent ledger, not just the household page', () => {
    const to = targetOf('consent_expiring', 'hh-1', 'cons-1');
    expect(to).toBe('/households/hh-1/overzicht?focus=consent-title');
    expect(focusTargetOf(to)).toBe('consent-title');
  });

  it('the other kinds keep their own places', () => {
    expect(targetOf('feedback_overdue', 'hh-1', 'fd:intake:i1')).toBe('/aandacht/terugkoppeling/fd%3Aintake%3Ai1');
    expect(targetOf('action_overdue', 'hh-1', 'a1')).toBe('/aandacht/actie/hh-1/a1');
    expect(targetOf('evaluation_due', 'hh-1', 'p1')).toBe('/aandacht/evaluatie/hh-1');
    expect(targetOf('escalation_open', 'hh-1', 'e1')).toBe('/aandacht/escalatie/e1');
    expect(targetOf('inactive', 'hh-1', 'hh-1')).toBe('/households/hh-1');
  });

  it('only plain element ids are taken from the route', () => {
    expect(focusTargetOf('households/x?focus=consent-title')).toBe('consent-title');
    expect(focusTargetOf('households/x?focus=<img src=x>')).toBeUndefined();
    expect(focusTargetOf('households/x')).toBeUndefined();
  });
});
