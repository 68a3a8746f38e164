CREATE TABLE processed_messages (
  subscriber   text        NOT NULL,  -- 'loyalty', 'inventory': each records the event separately
  source       text        NOT NULL,  -- CloudEvents source
  event_id     text        NOT NULL,  -- CloudEvents id
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subscriber, source, event_id)
);

BEGIN;
INSERT INTO processed_messages (subscriber, source, event_id)
VALUES ('loyalty', '/shop/order-service', '8f2c6a1e-3b7d-4c0a-9e51-2d4f7a9b0c13');
-- On a redelivery this fails with a unique violation: ROLLBACK and skip.
UPDATE loyalty_accounts SET points = points + 24 WHERE customer_id = 'cus_9921';
COMMIT;
