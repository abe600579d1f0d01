package org.imagehub.security.consumer;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a consumer's key may be used for. */
public final class Scopes {
    /** Published content: stories, sync, feeds, syndication formats, search. */
    public static final String CONTENT_READ = "content:read";
    /** The social scheduler's side: due posts, claims, results. */
    public static final String SOCIAL_SCHEDULE = "social:schedule";
    /** Reporting page views and metrics for the effectiveness reports. */
    public static final String ANALYTICS_WRITE = "analytics:write";
    /** Managing the consumer's own webhook subscriptions (never wider than what it may read). */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    public static final Set<String> ALL = Set.of(CONTENT_READ, SOCIAL_SCHEDULE, ANALYTICS_WRITE, WEBHOOKS_MANAGE);

    private Scopes() {
    }

    /** A scope, as the OpenAPI document lists it. */
    @Schema(name = "Scope", type = SchemaType.STRING, enumeration = {CONTENT_READ, SOCIAL_SCHEDULE, ANALYTICS_WRITE, WEBHOOKS_MANAGE})
    public static final class Name {
        private Name() {
        }
    }
}
