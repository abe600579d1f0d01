package org.imagehub.platform.events;

/**
 * A change one feature made, as other features and the outbox see it: a small record per kind of change, fired as
 * a CDI event in the writer's transaction and stored as the outbox row's JSON. {@link #eventType()} and the
 * aggregate are the outbox row's columns, which the dispatcher routes on.
 */
public interface ChangeEvent {

    String eventType();

    String aggregateType();

    String aggregateId();

    ChangeMeta meta();
}
