package org.imagehub.social.account;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A social account as the management API shows it. */
@Schema(name = "SocialAccount", requiredProperties = {"id", "network", "handle", "organisation", "languages", "timeZone", "active", "version"})
public record AccountView(String id, String network, String handle, String displayName, String organisation, List<String> languages,
        String timeZone, String schedulerConsumer, String storyUrlTemplate, boolean active, long version, Instant createdAt, Instant updatedAt) {

    static AccountView of(SocialAccount account) {
        return new AccountView(account.id, account.network, account.handle, account.displayName, account.organisation,
                List.copyOf(account.languages), account.timeZone, account.schedulerConsumer, account.storyUrlTemplate, account.active,
                account.version, account.createdAt, account.updatedAt);
    }
}
