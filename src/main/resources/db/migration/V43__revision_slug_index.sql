-- Slug allocation looks up which live revisions hold the wanted slugs. The V13 partial index could not serve it: the
-- planner guesses that "published_revision <> current_revision" holds for almost every row, so it read the whole
-- revision table instead (0.25 s per import chunk at 100,000 localizations, most of PostgreSQL's import time). Looking
-- the revisions up by slug first and their localization by key costs a few index pages whatever the statistics say.
create index localization_revision_slug on localization_revision (slug);
drop index localization_live_draft;
