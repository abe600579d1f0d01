-- Organisations: who owns content. Approvers of a central organisation may act on every organisation's content.
create table organisation (
    code        text primary key,
    name        text        not null,
    kind        text        not null,
    central     boolean     not null default false,
    version     bigint      not null default 1,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- Workflow per localization. published_revision is the revision consumers get; it stays while a newer draft is
-- reviewed, so an edit to live content never goes out unapproved.
alter table localization
    add column published_revision  int,
    add column first_published_at  timestamptz,
    add column scheduled_at        timestamptz,
    add column withdrawn_reason    text;
create index localization_due on localization (scheduled_at) where status = 'scheduled';

-- Embargo lift is a timed action too (consumers are told when the story becomes deliverable): done once.
alter table story add column embargo_lifted boolean not null default false;
create index story_embargo_due on story (embargo_until) where embargo_until is not null and not embargo_lifted;
create index story_expiry_due on story (expires_at) where expires_at is not null;

create table workflow_transition (
    id             bigint generated always as identity primary key,
    story_id       text        not null references story (id) on delete cascade,
    lang           text        not null,
    action         text        not null,
    from_status    text        not null,
    to_status      text        not null,
    revision       int         not null,
    actor          text        not null,
    organisation   text,
    comment        text,
    fast_tracked   boolean     not null default false,
    scheduled_for  timestamptz,
    at             timestamptz not null
);
create index workflow_transition_localization on workflow_transition (story_id, lang, id);

-- Audit log: append-only. No API changes it, and the database refuses updates, deletes and truncation.
create sequence audit_entry_id_seq increment by 50;
create table audit_entry (
    id            bigint primary key,
    at            timestamptz not null,
    actor         text        not null,
    organisation  text,
    action        text        not null,
    target_type   text        not null,
    target_id     text        not null,
    revision      bigint,
    request_id    text,
    details       jsonb       not null default '{}'
);
create index audit_entry_recent on audit_entry (at desc, id desc);
create index audit_entry_target on audit_entry (target_id, id desc);
create index audit_entry_actor on audit_entry (actor, id desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Consumers of the delivery API and their keys. A key is stored only as its SHA-256 hash (keys carry 256 random
-- bits, so a fast hash is enough); hint is its last four characters, to tell keys apart in lists.
create table consumer (
    id                     text primary key,
    name                   text        not null,
    kind                   text        not null,
    organisation           text,
    scopes                 text[]      not null,
    languages              text[]      not null default '{}',
    topics                 text[]      not null default '{}',
    countries              text[]      not null default '{}',
    requests_per_minute    int         not null,
    active                 boolean     not null default true,
    version                bigint      not null default 1,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create table api_key (
    id            text primary key,
    consumer_id   text        not null references consumer (id),
    key_hash      bytea       not null unique,
    hint          text        not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_key_consumer on api_key (consumer_id);
