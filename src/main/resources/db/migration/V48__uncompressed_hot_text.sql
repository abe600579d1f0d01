-- Hot text is stored out of line but not compressed (#18). PostgreSQL compresses any value that makes a row exceed
-- ~2 KB with pglz (this server has no lz4): on 2–5 KB bodies that was ~0.1 ms of CPU a row on every write — about 3 s
-- of PostgreSQL's time per 24,000 published documents or 30,000 imported localizations, a fifth of the write path's
-- database CPU — and every read of them paid the decompression. The published documents (read on every cache miss)
-- and the working copies of localizations (read by publication, editing and search indexing) take ~2.2 times the disk
-- instead; revisions, which are history and rarely read, stay compressed. Rows written before keep their form.
alter table delivery_item alter column document set storage external;
alter table localization alter column body_html set storage external, alter column body_text set storage external;
