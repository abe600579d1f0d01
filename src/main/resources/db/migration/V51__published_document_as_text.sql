-- The published document is kept as the text the hub wrote (#18), not as jsonb. PostgreSQL never looks inside it:
-- every reader takes it whole to the hub, which parses it there. As jsonb, each publication paid for parsing it
-- (and for jsonb_set placing its version) — the largest single cost of a bulk publication in PostgreSQL, ~4.9 s of
-- 18.6 CPU-s for 23,700 documents — and each read paid for turning it back into text. The hub now writes the
-- document with its version in place (DeliveryItemRows). Rows written before keep their content, as jsonb printed it.
alter table delivery_item alter column document type text using cast(document as text);
-- A change of type takes the new type's storage; keep the documents out of line and uncompressed (see V48).
alter table delivery_item alter column document set storage external;
