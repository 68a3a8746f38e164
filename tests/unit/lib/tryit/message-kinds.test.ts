import { describe, expect, it } from 'vitest';
import { classify, MESSAGES } from '../../../../src/lib/tryit/message-kinds.ts';

const byName = (name: string) => {
  const m = MESSAGES.find((x) => x.name === name);
  if (!m) throw new Error(name);
  return m;
};

describe('events, commands and requests Try-it', () => {
  it('classifies the lesson’s examples by intent', () => {
    expect(MESSAGES.map((m) => [m.name, m.kind, m.decides])).toEqual([
      ['OrderPlaced', 'event', 'receivers'],
      ['ReserveStock', 'command', 'sender'],
      ['GetOrderStatus', 'request', 'sender'],
      ['WelcomeEmailRequested', 'command', 'sender'],
      ['PaymentCaptured', 'event', 'receivers'],
    ]);
  });

  it('calls WelcomeEmailRequested a command disguised as an event', () => {
    expect(byName('WelcomeEmailRequested').why).toMatch(/^A command disguised as an event/);
  });

  it('judges both predictions separately', () => {
    expect(classify(byName('OrderPlaced'), 'event', 'receivers')).toMatchObject({ kindRight: true, decidesRight: true, headline: 'Both right: OrderPlaced is an event, and each receiver decides.' });
    const fooled = classify(byName('WelcomeEmailRequested'), 'event', 'receivers');
    expect(fooled).toMatchObject({ kindRight: false, decidesRight: false });
    expect(fooled.headline).toBe('Not an event: it is a command; but the sender decides.');
    expect(classify(byName('ReserveStock'), 'command', 'sender').headline).toBe('Both right: ReserveStock is a command, and the sender decides.');
    expect(classify(byName('GetOrderStatus'), 'request', 'receivers').headline).toBe('Right, a request; but the sender decides.');
    expect(classify(byName('GetOrderStatus'), 'request', 'receivers')).toMatchObject({ kindRight: true, decidesRight: false });
  });
});
