-- Outbox rows are inserted in batches by Hibernate's pooled id optimizer: hand out ids 50 at a time.
alter sequence outbox_event_id_seq increment by 50;
