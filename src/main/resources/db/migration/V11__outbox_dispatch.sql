-- The outbox dispatcher (#11): per-aggregate commit order, per-handler deliveries, parking, and the probe handler.

-- Commit order per aggregate (a story, a key message). Event ids come from a sequence handed out 50 at a time per
-- replica, so they say nothing about commit order. Instead each inserted event takes the next position of its
-- aggregate from this row, and the upsert keeps the row locked until the writing transaction ends: a second
-- transaction writing events of the same aggregate waits at its first event until the first one has committed
-- (then it reads the committed counter) or rolled back (then the numbers are reused). Positions of one aggregate
-- are therefore gapless and increase in commit order, and a snapshot that sees position p committed sees every
-- lower position committed too (the earlier transaction was visible before it released the lock).
create table outbox_stream (
    aggregate_type text   not null,
    aggregate_id   text   not null,
    last_position  bigint not null,
    primary key (aggregate_type, aggregate_id)
);

alter table outbox_event add column position bigint;
-- When the router made the event's deliveries (one per handler that handles its type); null while it waits.
alter table outbox_event add column routed_at timestamptz;

create function outbox_event_position() returns trigger language plpgsql as $$
begin
    insert into outbox_stream as s (aggregate_type, aggregate_id, last_position)
    values (new.aggregate_type, new.aggregate_id, 1)
    on conflict (aggregate_type, aggregate_id) do update set last_position = s.last_position + 1
    returning s.last_position into new.position;
    return new;
end $$;

create trigger outbox_event_position before insert on outbox_event
    for each row execute function outbox_event_position();

-- Events written before the dispatcher existed were never promised to a handler: they count as routed (and are
-- pruned after the retention period); the streams continue after them.
update outbox_event set routed_at = created_at;
insert into outbox_stream (aggregate_type, aggregate_id, last_position)
select aggregate_type, aggregate_id, 0 from outbox_event group by aggregate_type, aggregate_id;

-- The single-consumer columns of V1 are superseded by per-handler deliveries; their index covered every row.
drop index outbox_event_pending;
create index outbox_event_unrouted on outbox_event (aggregate_type, aggregate_id, position) where routed_at is null;

-- One row per (handler, event) still to deliver or parked; deleted once the handler has handled it. Each handler
-- has its own attempts, back-off and last error, so a failing handler neither blocks nor repeats the others.
create table outbox_delivery (
    handler        text        not null,
    event_id       bigint      not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    position       bigint      not null,
    due_at         timestamptz not null,
    attempts       int         not null default 0,
    last_error     text,
    parked_at      timestamptz,
    primary key (handler, event_id)
);
create index outbox_delivery_due on outbox_delivery (handler, due_at) where parked_at is null;
-- "Is an earlier event of this aggregate still waiting for this handler?"
create index outbox_delivery_stream on outbox_delivery (handler, aggregate_type, aggregate_id, position) where parked_at is null;
create index outbox_delivery_parked on outbox_delivery (handler, event_id) where parked_at is not null;
-- Pruning keeps an event while any handler still owes it a delivery.
create index outbox_delivery_event on outbox_delivery (event_id);
-- A queue fills and empties in seconds: analyse and vacuum it by row counts, not by a share of a size that keeps changing.
alter table outbox_delivery set (autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000,
                                 autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

-- The probe handler (hub.outbox.probe.*, off unless configured): what it was asked to fail, and what it received.
create table outbox_probe_rule (
    handler    text   not null,
    event_id   bigint not null,
    -- deliveries to fail before succeeding; -1: fail every time
    fail_times int    not null,
    -- how long each delivery of it takes (a dependency that answers slowly), in milliseconds
    delay_ms   int    not null default 0,
    primary key (handler, event_id)
);
create table outbox_probe_delivery (
    seq          bigserial   primary key,
    handler      text        not null,
    event_id     bigint      not null,
    aggregate_id text        not null,
    position     bigint      not null,
    ok           boolean     not null,
    received_at  timestamptz not null default clock_timestamp()
);
create index outbox_probe_delivery_event on outbox_probe_delivery (handler, event_id);
