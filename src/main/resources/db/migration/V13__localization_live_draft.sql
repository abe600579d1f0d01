-- Slug allocation asks content, not the published view, which slugs live revisions hold: a localization whose live
-- revision is older than its draft keeps the live slug in the revision. Few rows are in that state; this index
-- finds them without reading every localization of a language.
create index localization_live_draft on localization (lang) where published_revision <> current_revision;
