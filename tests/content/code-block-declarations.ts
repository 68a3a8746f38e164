/**
 * What the TypeScript code blocks of the lessons and practice prompts leave out, for
 * `code-blocks.test.ts`: declarations of the helpers, types and clients a snippet uses without
 * defining them. Each entry is prefixed to every ts block of that file, inside the block's own
 * module, so two files may declare the same name differently.
 *
 * Installed libraries are checked against their real types: `pg` through `@types/pg`. Libraries that
 * are not installed get minimal declarations in {@link AMBIENT_MODULES}, each written from the
 * library's published API.
 */

/**
 * Ambient modules for libraries the snippets import but this project does not install.
 *
 * - `@confluentinc/kafka-javascript` could not be installed here (its install script downloads a
 *   native binary), so its KafkaJS-compatible API (`KafkaJS.Producer`, `KafkaJS.EachMessagePayload`,
 *   `KafkaJS.IHeaders`, …) is declared from the package's `types/kafkajs.d.ts`, reduced to what the
 *   snippets call.
 * - `@opentelemetry/api` is declared the same way, from its published API (`trace`, `context`,
 *   `propagation`, `SpanKind`, `SpanStatusCode`, `TextMapGetter`).
 */
export const AMBIENT_MODULES = `
declare module '@confluentinc/kafka-javascript' {
  export namespace KafkaJS {
    interface IHeaders { [key: string]: Buffer | string | (Buffer | string)[] | undefined }
    interface Message { key?: Buffer | string | null; value: Buffer | string | null; partition?: number; headers?: IHeaders; timestamp?: string }
    interface ProducerRecord { topic: string; messages: Message[] }
    type RecordMetadata = { topicName: string; partition: number; errorCode: number; offset?: string };
    type Producer = {
      connect(): Promise<void>;
      disconnect(): Promise<void>;
      send(record: ProducerRecord): Promise<RecordMetadata[]>;
    };
    interface KafkaMessage { key: Buffer | null; value: Buffer | null; timestamp: string; attributes: number; offset: string; headers?: IHeaders }
    interface EachMessagePayload { topic: string; partition: number; message: KafkaMessage; heartbeat(): Promise<void>; pause(): () => void }
  }
}

declare module '@opentelemetry/api' {
  export interface Context { getValue(key: symbol): unknown }
  export const ROOT_CONTEXT: Context;
  export enum SpanKind { INTERNAL = 0, SERVER = 1, CLIENT = 2, PRODUCER = 3, CONSUMER = 4 }
  export enum SpanStatusCode { UNSET = 0, OK = 1, ERROR = 2 }
  export interface SpanContext { traceId: string; spanId: string; traceFlags: number }
  export type AttributeValue = string | number | boolean | Array<string | null | undefined> | Array<number | null | undefined>;
  export interface Attributes { [key: string]: AttributeValue | undefined }
  export interface Link { context: SpanContext; attributes?: Attributes }
  export interface SpanOptions { kind?: SpanKind; attributes?: Attributes; links?: Link[]; startTime?: number }
  export interface Span {
    spanContext(): SpanContext;
    setAttribute(key: string, value: AttributeValue): this;
    setStatus(status: { code: SpanStatusCode; message?: string }): this;
    recordException(exception: Error | string, time?: number): void;
    end(endTime?: number): void;
  }
  export interface Tracer { startSpan(name: string, options?: SpanOptions, context?: Context): Span }
  export interface TextMapGetter<Carrier = unknown> {
    keys(carrier: Carrier): string[];
    get(carrier: Carrier, key: string): undefined | string | string[];
  }
  export interface TextMapSetter<Carrier = unknown> { set(carrier: Carrier, key: string, value: string): void }
  export const trace: {
    getTracer(name: string, version?: string): Tracer;
    getSpanContext(context: Context): SpanContext | undefined;
    setSpan(context: Context, span: Span): Context;
  };
  export const context: {
    active(): Context;
    with<F extends (...args: never[]) => unknown>(context: Context, fn: F): ReturnType<F>;
  };
  export const propagation: {
    extract<Carrier>(context: Context, carrier: Carrier, getter?: TextMapGetter<Carrier>): Context;
    inject<Carrier>(context: Context, carrier: Carrier, setter?: TextMapSetter<Carrier>): void;
  };
}
`;

/** A transaction helper shaped like most snippets use it: the callback's result is the result. */
const TRANSACTION = 'transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;';

/** Per source file: the declarations its ts blocks rely on. */
export const DECLARATIONS: Readonly<Record<string, string>> = {
  'lessons/01-eda-in-one-page.mdx': `
interface OrderPlacedEvent { id: string; source: string; data: { orderId: string; lines: { sku: string; quantity: number }[] } }
interface Tx {
  insertIfAbsent(table: string, row: Record<string, string>): Promise<boolean>;
  reserveStock(line: { orderId: string; sku: string; quantity: number }): Promise<void>;
}
interface Database { ${TRANSACTION} }`,

  'lessons/05-delivery-guarantees.mdx': `
interface OrderPlacedEvent { id: string; data: { orderId: string; total: number; currency: string; paymentMethodId: string } }
interface Database {
  findChargeByOrder(orderId: string): Promise<{ paymentIntentId: string } | null>;
  insertCharge(row: { orderId: string; paymentIntentId: string }): Promise<void>;
}
/** The part of stripe-node's client the snippet calls. */
interface Stripe {
  paymentIntents: {
    create(
      params: { amount: number; currency: string; payment_method?: string; confirm?: boolean },
      options?: { idempotencyKey?: string },
    ): Promise<{ id: string; status: string }>;
  };
}`,

  'lessons/06-idempotent-consumers.mdx': `
import type { Pool } from 'pg';
interface CloudEvent<T> { id: string; source: string; type: string; data: T }
interface OrderPlaced { customerId: string; total: number }
interface OrderCancelled { paymentIntentId: string; refundAmount: number }
declare const metrics: { increment(name: string): void };
declare function pointsFor(total: number): number;
declare const stripe: {
  refunds: { create(params: { payment_intent: string; amount?: number }, options?: { idempotencyKey?: string }): Promise<{ id: string }> };
};`,

  'lessons/07-ordering-and-partitions.mdx': `
import type { Pool } from 'pg';
interface CloudEvent<T> { id: string; source: string; type: string; data: T }
interface OrderStatusChanged { orderId: string; status: string; version: number }
declare const metrics: { increment(name: string): void };`,

  'lessons/12-eventual-consistency.mdx': `
interface Order { id: string; placedAt: string }
interface OrderList { orders: Order[]; version: number; source: 'projection' | 'orders' }
interface OrderHistory { forCustomer(customerId: string): Promise<{ orders: Order[]; appliedVersion: number }> }
interface OrdersClient { listForCustomer(customerId: string): Promise<{ orders: Order[]; version: number }> }
declare const api: {
  placeOrder(cart: unknown): Promise<{ order: Order; customerVersion: number }>;
  listOrders(query: { minVersion: number }): Promise<OrderList>;
};
declare const cart: unknown;
declare const session: { minVersion?: number };`,

  'lessons/13-choreography-orchestration-sagas.mdx': `
type CommandType = 'AuthorizePayment' | 'CapturePayment' | 'VoidAuthorization' | 'ReleaseStock' | 'CreateShipment';
type ReplyType =
  | 'StockReserved' | 'StockReservationRejected' | 'PaymentAuthorized' | 'PaymentDeclined' | 'PaymentCaptured'
  | 'PaymentCaptureFailed' | 'AuthorizationVoided' | 'StockReleased' | 'ShipmentCreated';
interface Reply { type: ReplyType; correlationId: string }
interface Saga { id: string; orderId: string; state: SagaState; deadline: Date | null }
interface OutgoingMessage { type: string; correlationId: string }
interface Tx {
  sagas: { lockForUpdate(id: string): Promise<Saga | null>; update(id: string, change: Partial<Saga>): Promise<void> };
  orders: { setStatus(orderId: string, status: string): Promise<void> };
  outbox: { insert(message: OutgoingMessage): Promise<void> };
}
interface Database { ${TRANSACTION} }
declare function isLateSuccess(saga: Saga, reply: Reply): boolean;
declare function compensationFor(saga: Saga, reply: Reply): OutgoingMessage;
declare function secondsFromNow(seconds: number): Date;
declare function statusFor(state: SagaState): string;
declare function command(type: CommandType, saga: Saga): OutgoingMessage;`,

  'lessons/16-observability.mdx': `
interface CloudEvent<T> { id: string; source: string; type: string; correlationid: string; causationid?: string; data: T }
interface OrderPlaced { orderId: string; total: number }
declare function capturePayment(order: OrderPlaced): Promise<{ id: string }>;
declare function publish(topic: string, event: Record<string, unknown>, headers: Record<string, string>): Promise<void>;
declare const log: { info(fields: object): void; error(fields: object): void };`,

  'lessons/20-case-studies.mdx': `
type Frame =
  | { type: '#info'; name: string }
  | { type: 'error'; error: string }
  | { type: '#commit'; repo: string; rev: string; since: string | null }
  | { type: '#sync' | '#identity' | '#account'; did: string };
interface ConsumerState { lastRev: Map<string, string>; lowestFullyProcessedSeq: number }
type Action =
  | { kind: 'continue'; scheduleGapRepair: boolean }
  | { kind: 'reconnect'; cursor: number }
  | { kind: 'alert'; reason: string }
  | { kind: 'skip' | 'reject' | 'resyncRepo' | 'append' };
declare function tidToMs(tid: string): number;
declare const MAX_CLOCK_DRIFT_MS: number;`,

  'lessons/21-when-not-to-use-eda.mdx': `
import type { KafkaJS } from '@confluentinc/kafka-javascript';
interface Line { sku: string; quantity: number }
interface PlaceOrderRequest { checkoutId: string; total: number; paymentMethod: string; lines: Line[] }
type PlaceOrderResult =
  | { status: 'placed'; orderId: string }
  | { status: 'declined'; reason: string }
  | { status: 'sold-out'; skus: string[] };
declare class SoldOut extends Error { skus: string[] }
interface Order { id: string }
interface OutboxRow { id: string; aggregateType: string; aggregateId: string; type: string; payload: string }
interface Tx {
  holdStock(lines: Line[]): Promise<void>;
  insertOrder(order: PlaceOrderRequest & { authorisationId: string }): Promise<Order>;
  insertOutbox(row: OutboxRow): Promise<void>;
}
declare const db: { ${TRANSACTION} };
declare const payments: {
  authorise(request: { amount: number; paymentMethod: string; idempotencyKey: string }): Promise<{ id: string; approved: boolean; declineReason: string }>;
  void(authorisationId: string): Promise<void>;
};
declare function toOrderPlaced(order: Order): string;
declare const outbox: { unsentInOrder(limit: number): Promise<OutboxRow[]>; markSent(id: string): Promise<void> };
declare const producer: KafkaJS.Producer;`,
};
