// The vocabulary of the whiteboard's diagrams: the kinds of parts and connections, their names and
// the limits. Plain constants without zod, so the whiteboard island can use them without pulling
// the storage schemas of model.ts into the page's shared chunks.

/** The parts an event-driven design is drawn with, in palette order. */
export const NODE_KINDS = [
  'client',
  'service',
  'database',
  'cache',
  'topic',
  'queue',
  'consumer-group',
  'outbox',
  'relay',
  'retry-topic',
  'dlq',
  'scheduler',
  'provider',
] as const;
/** One kind of part on the whiteboard. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** What each kind is called in the palette and read out to screen readers. */
export const NODE_KIND_NAMES: Readonly<Record<NodeKind, string>> = {
  client: 'Client',
  service: 'Service / API',
  database: 'Database',
  cache: 'Cache',
  topic: 'Topic',
  queue: 'Queue',
  'consumer-group': 'Consumer group',
  outbox: 'Outbox table',
  relay: 'Relay / CDC',
  'retry-topic': 'Retry topic',
  dlq: 'Dead-letter queue',
  scheduler: 'Scheduler',
  provider: 'Third-party provider',
};

/**
 * The three kinds of connection, each with its arrow in the text form: a synchronous call (`=>`),
 * an event or message (`->`) and change data capture (`~>`).
 */
export const EDGE_KINDS = ['sync', 'event', 'cdc'] as const;
/** One kind of connection. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Each edge kind's arrow in the text form. */
export const EDGE_ARROWS: Readonly<Record<EdgeKind, string>> = { sync: '=>', event: '->', cdc: '~>' };

/** What each edge kind is called in the editor and read out to screen readers. */
export const EDGE_KIND_NAMES: Readonly<Record<EdgeKind, string>> = {
  sync: 'synchronous call',
  event: 'event / message',
  cdc: 'change data capture',
};

/** Limits that keep a diagram drawable, printable and storable. */
export const DIAGRAM_LIMITS = {
  /** Most parts on one whiteboard. */
  nodes: 80,
  /** Most connections on one whiteboard. */
  edges: 200,
  /** Longest part name, in characters. */
  labelLength: 40,
  /** Longest connection label, in characters. */
  edgeLabelLength: 80,
  /** Longest partition-key field name, in characters. */
  keyLength: 40,
  /** Most partitions a topic may be drawn with. */
  partitions: 100_000,
} as const;
