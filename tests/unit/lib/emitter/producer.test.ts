import { describe, expect, it } from 'vitest';
import { BUILT_IN_IDS, subscribersByIds } from '../../../../src/lib/emitter/catalogue.ts';
import { describeProducer, knownServices, producerFor } from '../../../../src/lib/emitter/producer.ts';

const three = subscribersByIds(BUILT_IN_IDS);
const five = subscribersByIds([...BUILT_IN_IDS, 'fraud-check', 'loyalty']);

describe('the Order service (producer)', () => {
  it('event-driven: publishes to the broker and knows of no subscriber', () => {
    const producer = producerFor('event-driven', three);
    expect(describeProducer(producer)).toBe('Publishes OrderPlaced to the broker. Knows of 0 subscribers.');
    expect(knownServices(producer)).toEqual([]);
  });

  it('event-driven: is exactly the same with 3 or 5 subscribers', () => {
    expect(producerFor('event-driven', five)).toEqual(producerFor('event-driven', three));
    expect(describeProducer(producerFor('event-driven', five))).toBe(describeProducer(producerFor('event-driven', three)));
    expect(JSON.stringify(producerFor('event-driven', five))).not.toMatch(/email|inventory|analytics|fraud|loyalty/i);
  });

  it('request-driven: its call list names every service, in call order', () => {
    const producer = producerFor('request-driven', three);
    expect(knownServices(producer)).toEqual(['Email', 'Inventory', 'Analytics']);
    expect(describeProducer(producer)).toBe('Calls 3 services one after another and waits for each.');
  });

  it('request-driven: adding a service changes the Order service itself', () => {
    const before = producerFor('request-driven', three);
    const after = producerFor('request-driven', five);
    expect(after).not.toEqual(before);
    expect(knownServices(after)).toEqual(['Email', 'Inventory', 'Analytics', 'Fraud check', 'Loyalty points']);
    expect(describeProducer(after)).not.toBe(describeProducer(before));
  });
});
