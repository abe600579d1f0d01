-- The live revision's slug kept on its localization (#18). Allocating slugs, an import asks for every chunk which
-- wanted slugs are still held by a live revision while a newer draft renames it; answering from the revisions read
-- ~1,200 scattered pages a chunk (the slug index, the revisions, the localizations) — 26 ms a chunk and a quarter of
-- PostgreSQL's time in a 100,000-line import. Only localizations with a draft ahead of their live revision are in
-- the new index, and they are few.
alter table localization add column live_slug text;
update localization l set live_slug = r.slug
  from localization_revision r where r.localization_id = l.id and r.number = l.published_revision;
alter table localization add constraint localization_live_slug_with_live_revision
  check ((published_revision is null) = (live_slug is null));
create index localization_live_slug_behind on localization (lang, live_slug) where published_revision <> current_revision;
