CREATE TABLE outbox (
  id            uuid        PRIMARY KEY,   -- the event id: consumers de-duplicate on it
  aggregatetype text        NOT NULL,      -- 'order': chooses the topic
  aggregateid   text        NOT NULL,      -- 'ord_48213': the message key, so one order stays in order
  type          text        NOT NULL,      -- 'OrderPlaced'
  payload       jsonb       NOT NULL,      -- the event body: a public contract
  seq           bigserial,                 -- polling relay only: publish order
  published_at  timestamptz,               -- polling relay only: NULL until the broker acks
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

BEGIN;
INSERT INTO orders (id, customer_id, total, currency, status)
VALUES ('ord_48213', 'cus_9921', 2400, 'EUR', 'placed');
INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload)
VALUES ('4d47e190-0402-4048-bc2c-89dd54343cdc', 'order', 'ord_48213', 'OrderPlaced',
        '{"orderId":"ord_48213","customerId":"cus_9921","total":2400,"currency":"EUR"}');
COMMIT;  -- the order and its event exist together, or not at all
