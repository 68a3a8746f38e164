import { describe, expect, it } from 'vitest';
import { eventsFor, KINDS, replayAddresses, runKind, SITUATIONS } from '../../../../src/lib/tryit/four-kinds.ts';

describe('four kinds of event-driven Try-it', () => {
  it('thin notifications carry no address; the other kinds carry it', () => {
    expect(eventsFor('notification').every((e) => e.address === undefined)).toBe(true);
    expect(eventsFor('ecst').map((e) => e.address)).toEqual(['4 Quay St, Galway', '9 Dock Rd, Galway']);
  });

  it('replaying keeps the latest address per order', () => {
    expect(replayAddresses(eventsFor('event-sourcing'))).toEqual({ ord_48213: '9 Dock Rd, Galway' });
    expect(replayAddresses(eventsFor('notification'))).toEqual({ ord_48213: undefined });
  });

  it('gives the outcome of each kind in each situation', () => {
    const table = Object.fromEntries(KINDS.map((k) => [k.id, SITUATIONS.map((s) => runKind(k.id, s.id).outcome)]));
    expect(table).toEqual({
      notification: ['breaks', 'breaks'],
      ecst: ['works', 'works'],
      'event-sourcing': ['works', 'works'],
      cqrs: ['works', 'breaks'],
    });
  });

  it('shows the computed state in the trace', () => {
    expect(runKind('event-sourcing', 'rebuild').trace.at(-1)).toBe('Rebuilt: ord_48213 ships to 9 Dock Rd, Galway.');
    expect(runKind('notification', 'producer-down').trace.join(' ')).toContain('Orders is down');
    expect(runKind('cqrs', 'rebuild').why).toContain('not event sourcing');
  });
});
