-- Bulk writers give their events' positions (#18). A publication of a hundred stories inserts ~900 events, and the
-- per-row trigger's upsert of the aggregate's stream row was ~60 % of each insert's time (27,000 events: 1.1–1.5 s
-- with it, 0.45–0.49 s with positions given). Outbox.appendAll now reserves all its positions of each aggregate with
-- one upsert of the stream rows (same row locks, held to the end of the transaction) and inserts the events with
-- them; the trigger numbers only the events inserted without a position.
drop trigger outbox_event_position on outbox_event;
create trigger outbox_event_position before insert on outbox_event
    for each row when (new.position is null) execute function outbox_event_position();
