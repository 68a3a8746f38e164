-- Holds stock only if enough is left; 0 rows updated means "sold out".
UPDATE stock
   SET available = available - $2
 WHERE sku = $1 AND available >= $2;
