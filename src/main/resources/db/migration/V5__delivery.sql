-- The published view: one row per live story language, exactly what consumers get (document), plus the columns
-- delivery filters and orders by. Written in the transaction of the publication that changed it.
create table delivery_item (
    story_id            text        not null,
    lang                text        not null,
    slug                text        not null,
    type                text        not null,
    topics              text[]      not null,
    countries           text[]      not null,
    key_messages        text[]      not null,
    embargo_until       timestamptz,
    expires_at          timestamptz,
    -- When the story was first published in any language: the stable "newest first" order of lists.
    story_published_at  timestamptz not null,
    updated_at          timestamptz not null,
    change_seq          bigint      not null,
    content_hash        text        not null,
    document            jsonb       not null,
    primary key (story_id, lang),
    unique (lang, slug)
);
create index delivery_item_newest on delivery_item (story_published_at desc, story_id desc);
create index delivery_item_changes on delivery_item (change_seq);
create index delivery_item_topics on delivery_item using gin (topics);
create index delivery_item_countries on delivery_item using gin (countries);
create index delivery_item_key_messages on delivery_item using gin (key_messages);
create index delivery_item_boundaries on delivery_item (embargo_until, expires_at);

-- What left the published view and why (withdrawn, expired, archived): delta sync tells consumers to delete it.
create table delivery_tombstone (
    story_id    text        not null,
    lang        text        not null,
    reason      text        not null,
    detail      text,
    change_seq  bigint      not null,
    removed_at  timestamptz not null,
    primary key (story_id, lang)
);
create index delivery_tombstone_changes on delivery_tombstone (change_seq);

-- One counter orders every change of the published view. Writers take it under a row lock, so changes become
-- visible in the order of their numbers and a sync reader never skips a change committed late.
create table delivery_clock (
    id   int primary key check (id = 1),
    seq  bigint not null
);
insert into delivery_clock values (1, 0);

-- Reads by consumers for the effectiveness reports, counted per minute (recorded off the request path, in batches).
create table delivery_read (
    consumer_id  text        not null,
    story_id     text        not null,
    lang         text        not null,
    minute       timestamptz not null,
    reads        int         not null,
    primary key (consumer_id, story_id, lang, minute)
);
create index delivery_read_story on delivery_read (story_id, minute);
