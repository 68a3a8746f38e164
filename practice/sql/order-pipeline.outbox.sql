CREATE TABLE outbox (
  id            uuid PRIMARY KEY,   -- message id; travels as a header for de-duplication
  aggregatetype text NOT NULL,      -- picks the topic: 'order' events, 'inventory-command', ...
  aggregateid   text NOT NULL,      -- order id: becomes the Kafka key, so per-order order
  type          text NOT NULL,      -- 'OrderPlaced', 'ReserveStock', ...
  payload       jsonb NOT NULL
);

BEGIN;
INSERT INTO orders (id, customer_id, status, total, currency, idempotency_key)
  VALUES ('ord_48213', 'cus_9921', 'PENDING', 2400, 'EUR', 'c0a7...');
INSERT INTO saga_instances (order_id, step, state, deadline)
  VALUES ('ord_48213', 'RESERVE_STOCK', 'WAITING', now() + interval '30 seconds');
INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload) VALUES
  (gen_random_uuid(), 'order',             'ord_48213', 'OrderPlaced',
   '{"orderId": "ord_48213", "total": 2400, "currency": "EUR"}'),
  (gen_random_uuid(), 'inventory-command', 'ord_48213', 'ReserveStock',
   '{"orderId": "ord_48213", "lines": [{"sku": "MUG-BLUE", "quantity": 2}]}');
COMMIT;
