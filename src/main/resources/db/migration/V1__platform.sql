-- Transactional outbox: written in the same transaction as the change it announces; workers claim rows with
-- FOR UPDATE SKIP LOCKED, so replicas never deliver one event twice and a crash loses nothing.
create table outbox_event (
    id             bigserial primary key,
    event_type     text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    payload        jsonb       not null,
    created_at     timestamptz not null default now(),
    available_at   timestamptz not null default now(),
    attempts       int         not null default 0,
    last_error     text,
    processed_at   timestamptz
);
create index outbox_event_pending on outbox_event (available_at, id) where processed_at is null;

-- Idempotency-Key: the first answer to a create is replayed to retries of the same request.
create table idempotency_record (
    scope         text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    status        int         not null,
    location      text,
    response_body text        not null,
    created_at    timestamptz not null default now(),
    primary key (scope, idem_key)
);
