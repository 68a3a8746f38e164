-- The projector's write into the Order service's database (PostgreSQL here):
-- replays, overlaps and late duplicates are no-ops.
INSERT INTO orders (order_id, status, total, version, owner)
VALUES ($1, $2, $3, $4, 'monolith')
ON CONFLICT (order_id) DO UPDATE
  SET status = excluded.status, total = excluded.total, version = excluded.version
  WHERE orders.version < excluded.version;
