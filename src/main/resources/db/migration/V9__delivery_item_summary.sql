-- A list entry (StorySummary as JSON) stored beside each published document: a list of 20 is then 20 short texts
-- joined together, instead of 20 documents (bodies included, often TOASTed) taken apart in PostgreSQL and in Java.
alter table delivery_item add column summary text;

-- Rows published before this version get the same fields cut from their document (absent ones left out, as the
-- hub writes JSON).
update delivery_item set summary = cast(jsonb_strip_nulls(jsonb_build_object(
    'id', document -> 'id', 'lang', document -> 'lang', 'type', document -> 'type', 'priority', document -> 'priority',
    'slug', document -> 'slug', 'title', document -> 'title', 'summary', document -> 'summary', 'topics', document -> 'topics',
    'countries', document -> 'countries', 'keyMessages', document -> 'keyMessages', 'firstPublishedAt', document -> 'firstPublishedAt',
    'publishedAt', document -> 'publishedAt', 'url', document -> 'url', 'otherLanguages', document -> 'otherLanguages')) as text);

alter table delivery_item alter column summary set not null;
