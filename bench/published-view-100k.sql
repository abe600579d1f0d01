-- Scratch data for EXPLAIN of the delivery read path (bench/README.md): run on an empty database that has
-- delivery_item and delivery_tombstone as the migrations leave them (the document is text since V51), then VACUUM ANALYZE both.
-- 298,000 rows (every 50th story has no French), documents of ~3.5 KB as text, 2,000 tombstones. Not a migration.
-- 100,000 stories × 3 languages (vi, en, fr) straight into the published view, ~3 KB documents.
create temp table s as
select g as n, 'st' || lpad(to_hex(g * 7919 % 1048573), 8, '0') || lpad(g::text, 6, '0') as story_id,
       timestamptz '2024-01-01' + g * interval '15 minutes' + (g % 7) * interval '1 second' as published_at,
       (array['article','infographic','video','photo-gallery','fact-check','statement'])[1 + g % 6] as type,
       case when g % 3 = 0 then array['topic-' || (g % 12)] else array['topic-' || (g % 12), 'topic-' || ((g / 12) % 12)] end as topics,
       case when g % 4 = 0 then '{}'::text[] else array[(array['FR','DE','US','JP','CN','GB','IN','BR'])[1 + g % 8]] end as countries,
       case when g % 5 = 0 then array['km-' || (g % 5 + g / 5 % 5)] else '{}'::text[] end as key_messages,
       case when g % 997 = 0 then now() + interval '30 days' end as embargo_until,
       case when g % 1009 = 0 then now() - interval '1 day' when g % 211 = 0 then now() + interval '300 days' end as expires_at
from generate_series(1, 100000) g;
insert into delivery_item (story_id, lang, slug, type, topics, countries, key_messages, embargo_until, expires_at, story_published_at,
    updated_at, change_seq, content_hash, document, summary, seen_topics, seen_countries)
select s.story_id, l.lang, l.lang || '-story-' || s.n, s.type, s.topics, s.countries, s.key_messages, s.embargo_until, s.expires_at,
       s.published_at, s.published_at + l.i * interval '1 hour', s.n * 3 + l.i, md5(s.story_id || l.lang),
       cast(jsonb_build_object('id', s.story_id, 'lang', l.lang, 'type', s.type, 'priority', 'normal', 'organisation', 'mofa',
           'slug', l.lang || '-story-' || s.n, 'rtl', false, 'title', 'Story ' || s.n || ' in ' || l.lang || ' ' || md5(s.n::text),
           'summary', repeat('Summary of the story ' || s.n || ' ', 6),
           'bodyHtml', '<p>' || (select string_agg(md5(s.n::text || l.lang || k) || ' lorem ipsum dolor sit amet ' , ' ') from generate_series(1, 22) k) || '</p>',
           'bodyText', (select string_agg(md5(k::text || l.lang || s.n) || ' consectetur adipiscing elit ', ' ') from generate_series(1, 18) k),
           'topics', to_jsonb(s.topics), 'countries', to_jsonb(s.countries), 'tags', '[]'::jsonb, 'keyMessages', to_jsonb(s.key_messages),
           'storyFields', '{}'::jsonb, 'localizationFields', '{}'::jsonb,
           'rights', jsonb_build_object('credit', 'MOFA', 'source', 'mofa', 'licence', 'CC-BY-4.0'),
           'firstPublishedAt', s.published_at, 'publishedAt', s.published_at, 'version', s.n * 3 + l.i,
           'url', '/api/v1/stories/' || s.story_id || '?lang=' || l.lang,
           'otherLanguages', jsonb_build_array(jsonb_build_object('lang', 'vi', 'slug', 'vi-story-' || s.n, 'url', '/api/v1/stories/' || s.story_id || '?lang=vi'),
                                               jsonb_build_object('lang', 'en', 'slug', 'en-story-' || s.n, 'url', '/api/v1/stories/' || s.story_id || '?lang=en'),
                                               jsonb_build_object('lang', 'fr', 'slug', 'fr-story-' || s.n, 'url', '/api/v1/stories/' || s.story_id || '?lang=fr'))) as text),
       '', s.topics, case when cardinality(s.countries) = 0 then '{*}' else s.countries end
from s cross join (values (0, 'vi'), (1, 'en'), (2, 'fr')) l(i, lang)
-- a few stories lack French, as in real life
where not (l.lang = 'fr' and s.n % 50 = 0);
-- The list entry, cut from the document as V9 does for rows published before it.
-- (The document is text since V51: read as jsonb here.)
update delivery_item i set summary = cast(jsonb_strip_nulls(jsonb_build_object(
    'id', d -> 'id', 'lang', d -> 'lang', 'type', d -> 'type', 'priority', d -> 'priority',
    'slug', d -> 'slug', 'title', d -> 'title', 'summary', d -> 'summary', 'topics', d -> 'topics',
    'countries', d -> 'countries', 'keyMessages', d -> 'keyMessages', 'firstPublishedAt', d -> 'firstPublishedAt',
    'publishedAt', d -> 'publishedAt', 'url', d -> 'url', 'otherLanguages', d -> 'otherLanguages')) as text)
from (select story_id, lang, cast(document as jsonb) as d from delivery_item) parsed
where i.story_id = parsed.story_id and i.lang = parsed.lang;
insert into delivery_tombstone (story_id, lang, reason, detail, change_seq, removed_at, topics, countries)
select 'gone' || g, 'fr', 'withdrawn', null, 300000 + g * 7, now(), array['topic-1'], array['*'] from generate_series(1, 2000) g;
