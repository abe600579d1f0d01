-- Revisions' text is stored out of line without pglz, like the working copies since V48 (#18). Every save writes a
-- revision, so compressing its two bodies was the largest single cost of a bulk import in PostgreSQL: ~0.1 ms of CPU
-- a row, 3.3 of 12 CPU-s for 30,000 imported localizations. The revisions' text takes ~2.2 times the disk instead
-- (about 7.6 KB a revision of a 3 KB body); rows written before keep their form.
alter table localization_revision alter column body_html set storage external, alter column body_text set storage external;
