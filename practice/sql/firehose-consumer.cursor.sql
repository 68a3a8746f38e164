-- $1, $2: the cursor (indexed_at and uri of the last post returned); $3: the limit.
SELECT uri, indexed_at FROM feed_posts
WHERE deleted = false AND (indexed_at, uri) < ($1, $2)
ORDER BY indexed_at DESC, uri DESC
LIMIT $3;
