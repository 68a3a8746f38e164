import { describe, expect, it } from 'vitest';
import { createOrderPlaced, formatEuros, sampleOrder, sequenceId } from '../../../../src/lib/emitter/order-event.ts';

describe('OrderPlaced envelope', () => {
  it('takes its ids from the counter and its time from the clock passed in', () => {
    const event = createOrderPlaced(7, 123_456, sampleOrder(7));
    expect(event).toEqual({
      id: 'evt-0007',
      type: 'OrderPlaced',
      source: 'order-service',
      time: 123_456,
      correlationId: 'corr-0007',
      data: { orderId: 'ord-0007', items: 5, totalCents: 12900 },
    });
  });

  it('is identical for identical inputs', () => {
    expect(createOrderPlaced(2, 10, sampleOrder(2))).toEqual(createOrderPlaced(2, 10, sampleOrder(2)));
  });

  it('numbers ids with four digits and rejects a counter that is not a positive integer', () => {
    expect(sequenceId('evt', 1)).toBe('evt-0001');
    expect(sequenceId('evt', 12345)).toBe('evt-12345');
    expect(() => sequenceId('evt', 0)).toThrow(RangeError);
    expect(() => sequenceId('evt', 1.5)).toThrow(RangeError);
  });

  it('cycles through sample baskets so consecutive orders differ', () => {
    expect(sampleOrder(1)).toEqual({ orderId: 'ord-0001', items: 2, totalCents: 4250 });
    expect(sampleOrder(2).totalCents).not.toBe(sampleOrder(1).totalCents);
    expect(sampleOrder(5)).toEqual({ ...sampleOrder(1), orderId: 'ord-0005' });
  });

  it('formats cents as euros', () => {
    expect(formatEuros(4250)).toBe('€42.50');
    expect(formatEuros(1899)).toBe('€18.99');
  });
});
