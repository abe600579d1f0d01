package org.imagehub.social.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A social account was added or changed ({@code social-account.created}, {@code social-account.updated}). */
public record SocialAccountChanged(@JsonUnwrapped ChangeMeta meta, String accountId, String network, String organisation, String change)
        implements SocialEvent {
    @Override
    public String eventType() {
        return "social-account." + change;
    }

    @Override
    public String aggregateType() {
        return "social-account";
    }

    @Override
    public String aggregateId() {
        return accountId;
    }
}
