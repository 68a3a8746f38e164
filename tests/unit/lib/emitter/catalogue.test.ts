import { describe, expect, it } from 'vitest';
import {
  addableSubscribers,
  BUILT_IN_IDS,
  CATALOGUE,
  subscriberById,
  subscribersByIds,
  withSubscriber,
} from '../../../../src/lib/emitter/catalogue.ts';

describe('subscriber catalogue', () => {
  it('starts with Email, Inventory and Analytics, in that order', () => {
    expect(BUILT_IN_IDS).toEqual(['email', 'inventory', 'analytics']);
    expect(subscribersByIds(BUILT_IN_IDS).map((s) => s.name)).toEqual(['Email', 'Inventory', 'Analytics']);
  });

  it('offers Fraud check, Loyalty points and Shipping as extras', () => {
    expect(addableSubscribers(BUILT_IN_IDS).map((s) => s.name)).toEqual(['Fraud check', 'Loyalty points', 'Shipping']);
  });

  it('has unique ids and a different processing time for every service, each at most 2 s', () => {
    expect(new Set(CATALOGUE.map((s) => s.id)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((s) => s.processingMs)).size).toBe(CATALOGUE.length);
    for (const s of CATALOGUE) {
      expect(s.processingMs).toBeGreaterThan(0);
      expect(s.processingMs).toBeLessThanOrEqual(2000);
    }
  });

  it('describes each result as a lower-case phrase that completes "<name> …"', () => {
    expect(subscriberById('email').result).toBe('sent order confirmation');
    expect(subscriberById('inventory').result).toBe('reserved stock');
    for (const s of CATALOGUE) expect(s.result).toMatch(/^[a-z][a-z0-9 ]*[a-z]$/);
  });

  it('stops offering an extra once it is present', () => {
    const ids = withSubscriber(BUILT_IN_IDS, 'loyalty');
    expect(ids).toEqual(['email', 'inventory', 'analytics', 'loyalty']);
    expect(addableSubscribers(ids).map((s) => s.id)).toEqual(['fraud-check', 'shipping']);
    expect(addableSubscribers(withSubscriber(withSubscriber(ids, 'fraud-check'), 'shipping'))).toEqual([]);
  });

  it('refuses unknown and duplicate subscribers', () => {
    expect(() => subscriberById('billing')).toThrow('Unknown subscriber id "billing"');
    expect(() => withSubscriber(BUILT_IN_IDS, 'email')).toThrow('already present');
  });
});
