-- External ids belong to the organisation that imports: another organisation's id neither clashes nor reveals anything.
alter table story drop constraint story_external_id_key;
create unique index story_organisation_external_id on story (organisation, external_id) where external_id is not null;

-- Story-level attributes (type fields, rights, topics, countries, embargo, expiry, ...) are versioned like text:
-- each change is one row listing what changed (old -> new), who changed it and why.
create table story_attribute_revision (
    story_id    text        not null references story (id) on delete cascade,
    number      int         not null,
    changes     jsonb       not null,
    reason      text,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (story_id, number)
);

-- What consumers are told when a language is withdrawn, set only when the withdrawing approver writes it; the
-- workflow comment (withdrawn_reason) stays internal to the editors.
alter table localization add column public_reason text;

-- Delta sync tells a consumer of a removal only if its scope could ever have matched the item: every topic and
-- country the live item carried is remembered ('*' when it was aimed at every country), and the tombstone keeps them.
alter table delivery_item
    add column seen_topics     text[] not null default '{}',
    add column seen_countries  text[] not null default '{}';
update delivery_item set seen_topics = topics,
                         seen_countries = case when cardinality(countries) = 0 then '{*}' else countries end;
alter table delivery_tombstone
    add column topics     text[] not null default '{}',
    add column countries  text[] not null default '{}';
-- Tombstones from before: scoped by the story's current topics and countries; their detail held the editors' comment.
update delivery_tombstone t set topics = s.topics,
                                countries = case when cardinality(s.countries) = 0 then '{*}' else s.countries end,
                                detail = null
from story s where s.id = t.story_id;
update delivery_tombstone set countries = '{*}', detail = null where cardinality(countries) = 0;

-- Nor is a removal news to anyone while the item was never past its embargo: consumers never had it, and the
-- delete would tell them unreleased content exists.
alter table delivery_item add column seen_visible boolean not null default true;
alter table delivery_tombstone add column seen_visible boolean not null default true;
