import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HISTORY_LIMIT,
  addPart,
  connect,
  deleteConnection,
  deletePart,
  movePart,
  record,
  redo,
  renamePart,
  setTopicAttributes,
  startHistory,
  undo,
  updateConnection,
  type EditResult,
} from '../../../../../src/lib/practice/diagram/edit.ts';
import { overlaps } from '../../../../../src/lib/practice/diagram/layout.ts';
import { DIAGRAM_LIMITS, EMPTY_DIAGRAM, diagramProblems, type Diagram } from '../../../../../src/lib/practice/diagram/model.ts';
import { diagram } from './arbitraries.ts';

function ok(result: EditResult): Diagram {
  if (!result.ok) throw new Error(result.message);
  return result.diagram;
}

function refused(result: EditResult): string {
  if (result.ok) throw new Error('expected the edit to be refused');
  return result.message;
}

const two = ok(addPart(ok(addPart(EMPTY_DIAGRAM, 'service')), 'topic'));

describe('editing a diagram', () => {
  it('adds parts with fresh names and ids at free spots, and says so', () => {
    const first = addPart(EMPTY_DIAGRAM, 'topic');
    expect(first).toMatchObject({ ok: true, message: "Added topic 'Topic 1'." });
    const d = ok(addPart(ok(first), 'topic'));
    expect(d.nodes.map((n) => [n.id, n.label])).toEqual([['n1', 'Topic 1'], ['n2', 'Topic 2']]);
    expect(overlaps(d.nodes[0] ?? { x: 0, y: 0 }, d.nodes[1] ?? { x: 0, y: 0 })).toBe(false);
    expect(ok(addPart(EMPTY_DIAGRAM, 'dlq', { x: 10, y: 20 })).nodes[0]).toMatchObject({ x: 10, y: 20, label: 'DLQ 1' });
  });

  it('never overlaps or repeats a name however many parts are added', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('service' as const, 'topic' as const, 'dlq' as const), { maxLength: 30 }), (kinds) => {
        const d = kinds.reduce((acc, k) => ok(addPart(acc, k)), EMPTY_DIAGRAM);
        expect(diagramProblems(d)).toEqual([]);
        d.nodes.forEach((a, i) => d.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
      }),
    );
  });

  it('refuses a part beyond the limit', () => {
    const full: Diagram = { nodes: Array.from({ length: DIAGRAM_LIMITS.nodes }, (_, i) => ({ id: `n${i + 1}`, kind: 'service' as const, label: `S${i}`, x: 0, y: 0 })), edges: [] };
    expect(refused(addPart(full, 'topic'))).toMatch(/at most 80 parts/);
  });

  it('renames, refusing duplicates (any case) and names the text form cannot carry', () => {
    expect(renamePart(two, 'n2', ' order-events ')).toMatchObject({ ok: true, message: "Renamed 'Topic 1' to 'order-events'." });
    expect(refused(renamePart(two, 'n2', 'SERVICE 1'))).toBe('Not renamed: another part is already called "SERVICE 1".');
    expect(refused(renamePart(two, 'n2', 'a -> b'))).toMatch(/cannot contain ">"/);
    expect(refused(renamePart(two, 'n2', '   '))).toMatch(/needs a name/);
    expect(refused(renamePart(two, 'n9', 'x'))).toMatch(/no longer/);
  });

  it('moves a part', () => {
    expect(ok(movePart(two, 'n1', 120.4, -30.6)).nodes[0]).toMatchObject({ x: 120, y: -31 });
  });

  it('connects, relabels, re-kinds and deletes connections', () => {
    const linked = connect(two, 'n1', 'n2', 'event', ' OrderPlaced ');
    expect(linked).toMatchObject({ ok: true, message: 'Connected Service 1 to Topic 1 (event / message).' });
    const d = ok(linked);
    expect(d.edges).toEqual([{ id: 'e1', from: 'n1', to: 'n2', kind: 'event', label: 'OrderPlaced' }]);
    const changed = ok(updateConnection(d, 'e1', { kind: 'cdc', label: 'rows' }));
    expect(changed.edges[0]).toMatchObject({ kind: 'cdc', label: 'rows' });
    expect(refused(updateConnection(changed, 'e1', { kind: 'cdc' }))).toMatch(/unchanged/);
    expect(refused(connect(two, 'n1', 'n7', 'sync'))).toMatch(/Pick two parts/);
    expect(refused(connect(two, 'n1', 'n2', 'sync', 'x'.repeat(81)))).toMatch(/81 characters/);
    expect(deleteConnection(d, 'e1')).toMatchObject({ ok: true, diagram: two, message: 'Deleted connection Service 1 → Topic 1.' });
  });

  it('deleting a part deletes its connections', () => {
    const d = ok(connect(ok(connect(ok(addPart(two, 'queue')), 'n1', 'n2', 'event')), 'n3', 'n1', 'sync'));
    const result = deletePart(d, 'n1');
    expect(result).toMatchObject({ ok: true, message: "Deleted service / api 'Service 1' and its 2 connections." });
    expect(ok(result)).toEqual({ nodes: [d.nodes[1], d.nodes[2]], edges: [] });
  });

  it('sets and clears a topic’s partitions and key, only on topics', () => {
    const set = ok(setTopicAttributes(two, 'n2', { partitions: 12, key: 'orderId' }));
    expect(set.nodes[1]).toMatchObject({ partitions: 12, key: 'orderId' });
    const cleared = ok(setTopicAttributes(set, 'n2', { partitions: undefined, key: ' ' }));
    expect(cleared.nodes[1]).toEqual(two.nodes[1]);
    expect(refused(setTopicAttributes(two, 'n1', { partitions: 3, key: undefined }))).toMatch(/Only a topic/);
    expect(refused(setTopicAttributes(two, 'n2', { partitions: 0, key: undefined }))).toMatch(/whole number/);
    expect(refused(setTopicAttributes(two, 'n2', { partitions: 3, key: 'order id' }))).toMatch(/without spaces/);
  });

  it('keeps every edit sound for any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom('service' as const, 'topic' as const) }),
      fc.record({ t: fc.constant('del' as const), i: fc.nat(10) }),
      fc.record({ t: fc.constant('link' as const), a: fc.nat(10), b: fc.nat(10) }),
      fc.record({ t: fc.constant('unlink' as const), i: fc.nat(20) }),
    );
    fc.assert(
      fc.property(diagram(6), fc.array(op, { maxLength: 25 }), (start, ops) => {
        let d = start;
        for (const o of ops) {
          const id = (i: number) => d.nodes[i % Math.max(1, d.nodes.length)]?.id ?? 'none';
          const r =
            o.t === 'add' ? addPart(d, o.kind)
            : o.t === 'del' ? deletePart(d, id(o.i))
            : o.t === 'link' ? connect(d, id(o.a), id(o.b), 'event')
            : deleteConnection(d, d.edges[o.i % Math.max(1, d.edges.length)]?.id ?? 'none');
          if (r.ok) d = r.diagram;
          expect(diagramProblems(d)).toEqual([]);
        }
      }),
    );
  });
});

describe('undo and redo', () => {
  it('steps back and forward through recorded diagrams; a new edit drops the redo branch', () => {
    const a = EMPTY_DIAGRAM;
    const b = ok(addPart(a, 'service'));
    const c = ok(addPart(b, 'topic'));
    let h = record(record(startHistory(a), b), c);
    h = undo(h);
    expect(h.present).toBe(b);
    h = undo(h);
    expect(h.present).toBe(a);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(b);
    const other = ok(addPart(b, 'dlq'));
    h = record(h, other);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe(b);
  });

  it('keeps at most the last 100 steps', () => {
    let h = startHistory(two);
    const steps: Diagram[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      const next = ok(movePart(h.present, 'n1', i, i));
      steps.push(next);
      h = record(h, next);
    }
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    let back = h;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) back = undo(back);
    expect(back.present).toBe(steps[19]);
  });
});
