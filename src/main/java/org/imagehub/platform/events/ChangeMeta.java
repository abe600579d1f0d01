package org.imagehub.platform.events;

import java.time.Instant;
import org.imagehub.platform.http.RequestIds;

/**
 * What every change event carries besides its own fields: the version of its shape (raised when a field changes
 * meaning or goes), who acted for which organisation, when, and in which request (null outside one).
 */
public record ChangeMeta(int schemaVersion, String actor, String organisation, Instant occurredAt, String requestId) {
    public static final int SCHEMA_VERSION = 1;

    public static ChangeMeta of(String actor, String organisation, Instant occurredAt) {
        return new ChangeMeta(SCHEMA_VERSION, actor, organisation, occurredAt, RequestIds.current());
    }
}
