-- One row per (event, recipient, channel). Partitioned by user_id so support can list a user's history.
CREATE TABLE notifications (
  notification_id  text PRIMARY KEY,   -- hash(event source, event id, user id, channel)
  user_id          text NOT NULL,
  channel          text NOT NULL,      -- push | email | sms
  category         text NOT NULL,      -- security | billing | shipping | social
  event_type       text NOT NULL,      -- OrderShipped, PaymentFailed, ...
  subject          text,               -- e.g. orders/ord_48213, to collapse stale updates
  status           text NOT NULL,      -- created | deferred | sending | sent | failed | suppressed | expired
  reason           text,               -- why suppressed/deferred/failed: the support trail
  not_before       timestamptz,        -- quiet hours or digest flush
  expires_at       timestamptz NOT NULL,
  lease_until      timestamptz,        -- claim held by a worker
  attempts         int NOT NULL DEFAULT 0,
  provider         text,
  provider_msg_id  text,
  trace_id         text                -- from the event's traceparent
);
