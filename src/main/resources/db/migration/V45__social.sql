-- Social scheduling (#15): the accounts social teams post to, one post variant per story × account × language, the
-- measurements schedulers report, the hub's own short links and each organisation's calendar-feed token.

create table social_account (
    id                   text        primary key,
    -- A network of social-networks/ (x, facebook, ...); checked by the service against the loaded rules.
    network              text        not null,
    handle               text        not null,
    display_name         text,
    organisation         text        not null references organisation (code),
    -- The languages it posts in (BCP 47), at least one.
    languages            text[]      not null,
    -- IANA zone its team plans in: scheduled local times are read in it.
    time_zone            text        not null,
    -- The consumer (an API key holder with scope social:schedule) that posts for it; none: nobody can claim its posts.
    scheduler_consumer   text        references consumer (id),
    -- Where the account's audience reads a story: https://site/{lang}/{slug}; none: the hub's own short link only.
    story_url_template   text,
    active               boolean     not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    unique (network, handle)
);
create index social_account_scheduler on social_account (scheduler_consumer) where scheduler_consumer is not null;
create index social_account_organisation on social_account (organisation);

create table social_post (
    id                   text        primary key,
    account_id           text        not null references social_account (id),
    story_id             text        not null references story (id),
    lang                 text        not null,
    -- draft, approved, queued, claimed, posted, failed, cancelled, takedown-requested, taken-down.
    state                text        not null check (state in ('draft', 'approved', 'queued', 'claimed', 'posted', 'failed',
                                                          'cancelled', 'takedown-requested', 'taken-down')),
    text                 text        not null,
    hashtags             text[]      not null,
    -- The media chosen: [{"assetId", "file", "url", "mediaType", "width", "height", "bytes"}], renditions picked for the network.
    media                jsonb       not null,
    -- site (the story on the account's site) or short (the hub's /l/{code}, which counts clicks); none: no link.
    link_mode            text        not null check (link_mode in ('site', 'short', 'none')),
    -- The address the link leads to, UTM parameters included; the posted text carries short_code's address instead when short.
    link_target          text,
    short_code           text        unique,
    key_messages         text[]      not null,
    -- The final text exactly as the network gets it (text, link, hashtags) and its length as that network counts it.
    final_text           text        not null,
    counted_length       int         not null,
    scheduled_at         timestamptz,
    -- Breaking stories' posts come first in due: copied from the story when the post is approved.
    breaking             boolean     not null default false,
    lease_id             text,
    lease_consumer       text,
    lease_until          timestamptz,
    attempts             int         not null default 0,
    external_id          text,
    external_url         text,
    posted_at            timestamptz,
    failure_reason       text,
    failure_retryable    boolean,
    state_reason         text,
    approved_by          text,
    approved_at          timestamptz,
    created_by           text        not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
-- due: what a scheduler may take now, breaking first, then by time. Claimed rows stay in it so an expired lease is offered again.
create index social_post_due on social_post ((not breaking), scheduled_at, id) where state in ('queued', 'claimed');
create index social_post_story on social_post (story_id, lang);
create index social_post_account_time on social_post (account_id, scheduled_at);
create index social_post_takedown on social_post (account_id) where state = 'takedown-requested';

-- Cumulative figures a scheduler read from the network at measured_at: one row per post and instant (a repeat is a no-op).
create table social_post_metrics (
    post_id              text        not null references social_post (id),
    measured_at          timestamptz not null,
    impressions          bigint,
    reach                bigint,
    clicks               bigint,
    shares               bigint,
    comments             bigint,
    reported_by          text        not null,
    received_at          timestamptz not null,
    primary key (post_id, measured_at)
);

-- Clicks on the hub's short links, one row per link and day (the effectiveness reports roll them up).
create table social_link_click (
    short_code           text        not null,
    post_id              text        not null references social_post (id),
    day                  date        not null,
    clicks               bigint      not null,
    primary key (short_code, day)
);
create index social_link_click_post on social_link_click (post_id);

-- The secret part of each organisation's calendar-feed address (calendar apps cannot send a bearer token): kept as
-- a SHA-256 hash, shown once, replaced by issuing a new one.
create table social_calendar_feed (
    organisation         text        primary key references organisation (code),
    token_hash           text        not null,
    issued_by            text        not null,
    issued_at            timestamptz not null
);
