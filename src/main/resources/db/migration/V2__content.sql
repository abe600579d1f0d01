create table topic (
    code              text primary key,
    labels            jsonb       not null,
    iptc_media_topic  text,
    created_at        timestamptz not null default now()
);

create table key_message (
    code                text primary key,
    owner_organisation  text        not null,
    valid_from          timestamptz,
    valid_until         timestamptz,
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create table key_message_translation (
    key_message_code text not null references key_message (code) on delete cascade,
    lang             text not null,
    text             text not null,
    primary key (key_message_code, lang)
);

create table story (
    id             text primary key,
    external_id    text unique,
    type           text        not null,
    organisation   text        not null,
    priority       text        not null default 'normal',
    topics         text[]      not null default '{}',
    countries      text[]      not null default '{}',
    tags           text[]      not null default '{}',
    key_messages   text[]      not null default '{}',
    credit         text,
    source         text,
    licence        text,
    fields         jsonb       not null default '{}',
    embargo_until  timestamptz,
    expires_at     timestamptz,
    version        bigint      not null default 1,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    created_by     text
);
create index story_updated on story (updated_at desc, id);
create index story_key_messages on story using gin (key_messages);

create table localization (
    id                        text primary key,
    story_id                  text        not null references story (id) on delete cascade,
    lang                      text        not null,
    rtl                       boolean     not null default false,
    slug                      text        not null,
    title                     text        not null,
    summary                   text,
    body_html                 text        not null default '',
    body_text                 text        not null default '',
    fields                    jsonb       not null default '{}',
    seo_title                 text,
    seo_description           text,
    translated_from_lang      text,
    translated_from_revision  int,
    current_revision          int         not null,
    status                    text        not null default 'draft',
    published_at              timestamptz,
    version                   bigint      not null default 1,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    unique (story_id, lang),
    unique (lang, slug)
);
create index localization_status on localization (status, lang);

-- Immutable snapshot of a localization at each save; never updated, never deleted while the story lives.
create table localization_revision (
    localization_id           text        not null references localization (id) on delete cascade,
    number                    int         not null,
    slug                      text        not null,
    title                     text        not null,
    summary                   text,
    body_html                 text        not null,
    body_text                 text        not null,
    fields                    jsonb       not null,
    seo_title                 text,
    seo_description           text,
    translated_from_lang      text,
    translated_from_revision  int,
    restored_from             int,
    created_at                timestamptz not null,
    created_by                text,
    primary key (localization_id, number)
);
