-- Reserve 2 blue mugs only if 2 are still available; 0 rows updated means sold out.
UPDATE stock SET available = available - 2
WHERE sku = 'MUG-BLUE' AND available >= 2;
