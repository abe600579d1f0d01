-- Webhooks (#14): consumers' subscriptions, one delivery per event × subscription, and every attempt at it.

create table webhook_subscription (
    id                       text        primary key,
    consumer_id              text        not null references consumer (id),
    url                      text        not null,
    event_types              text[]      not null,
    -- Filters, each never wider than the consumer's own scope; empty means "all the consumer may read".
    languages                text[]      not null,
    topics                   text[]      not null,
    types                    text[]      not null,
    countries                text[]      not null,
    -- The signing secret ("whsec_" + base64). The receiver needs the same bytes, so it is kept, never shown again.
    secret                   text        not null,
    -- After a rotation the previous secret signs too until previous_secret_until, so receivers can switch over.
    previous_secret          text,
    previous_secret_until    timestamptz,
    max_concurrency          int         not null,
    enabled                  boolean     not null,
    disabled_reason          text,
    disabled_at              timestamptz,
    version                  bigint      not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null
);
create index webhook_subscription_consumer on webhook_subscription (consumer_id);

-- The bodies sent, each kept once: subscribers with the same scope get the same bytes for an event (a story's
-- detail can be hundreds of kilobytes, and one publication may go to hundreds of receivers).
create table webhook_payload (
    hash        text        primary key,
    body        text        not null,
    created_at  timestamptz not null
);

-- One row per event × story language × subscription: its id (made from those) is the stable webhook-id receivers de-duplicate on, and the payload is
-- fixed when the row is made, so every retry sends the same signed bytes.
create table webhook_delivery (
    id                  text        primary key,
    subscription_id     text        not null references webhook_subscription (id) on delete cascade,
    outbox_event_id     bigint      not null,
    event_type          text        not null,
    story_id            text,
    lang                text,
    -- The story's version the event is about (receipts compare it with what a consumer read).
    story_version       bigint,
    payload_hash        text        not null references webhook_payload (hash),
    -- pending (waiting for its next attempt), delivered (2xx), parked (gave up after the retry window).
    status              text        not null check (status in ('pending', 'delivered', 'parked')),
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null,
    -- A sender owns the row until claimed_until; a replica that dies mid-send leaves it to be claimed again.
    claimed_until       timestamptz,
    first_attempt_at    timestamptz,
    last_attempt_at     timestamptz,
    last_status         int,
    last_error          text,
    delivered_at        timestamptz,
    created_at          timestamptz not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);
create index webhook_delivery_story on webhook_delivery (story_id, lang);
create index webhook_delivery_payload on webhook_delivery (payload_hash);
create index webhook_delivery_delivered on webhook_delivery (delivered_at) where status = 'delivered';

create table webhook_attempt (
    delivery_id        text        not null references webhook_delivery (id) on delete cascade,
    attempt            int         not null,
    attempted_at       timestamptz not null,
    duration_ms        int         not null,
    status             int,
    error              text,
    request_headers    jsonb       not null,
    response_headers   jsonb,
    -- At most hub.webhooks.response-excerpt-bytes of the answer: enough to see why a receiver refused.
    response_excerpt   text,
    primary key (delivery_id, attempt)
);

-- Which story languages receivers have been told of as published, so the next publication of one is news of the
-- right kind: the story's first language is story.published, a further language translation.published, a new
-- version of a told language story.updated. A withdrawal forgets the language. Seeded with what is live now.
create table webhook_announcement (
    story_id      text        not null,
    lang          text        not null,
    announced_at  timestamptz not null,
    primary key (story_id, lang)
);
insert into webhook_announcement (story_id, lang, announced_at) select story_id, lang, updated_at from delivery_item;
