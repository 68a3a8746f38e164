BEGIN;
SELECT seq, id, aggregatetype, aggregateid, type, payload
FROM outbox
WHERE published_at IS NULL
ORDER BY seq
LIMIT 100
FOR UPDATE SKIP LOCKED;   -- PostgreSQL 9.5+, MySQL 8.0+: other relays skip these rows
-- publish each row keyed by aggregateid; wait for every acknowledgement
UPDATE outbox SET published_at = now() WHERE seq = ANY($1);   -- the seqs just published
COMMIT;
