-- Apply a create or update; replays and out-of-order duplicates are no-ops.
INSERT INTO feed_posts (uri, author_did, rev, indexed_at, score, deleted)
VALUES ($1, $2, $3, now(), $4, false)
ON CONFLICT (uri) DO UPDATE
  SET rev = excluded.rev, score = excluded.score, deleted = false
  WHERE feed_posts.rev < excluded.rev;
