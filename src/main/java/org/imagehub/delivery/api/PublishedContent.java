package org.imagehub.delivery.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;

/**
 * The published view as other features see it (social posts): what everyone may get now, read from the database
 * rather than a replica's response cache, with the hub's public addresses made absolute.
 */
@ApplicationScoped
public class PublishedContent {
    private final DeliveryReader reader;
    private final Json json;
    private final Clock clock;
    private final String baseUrl;

    public PublishedContent(DeliveryReader reader, Json json, Clock clock, HubConfig config) {
        this.reader = reader;
        this.json = json;
        this.clock = clock;
        this.baseUrl = config.delivery().publicBaseUrl().replaceAll("/+$", "");
    }

    /** The story in exactly {@code lang}, if it is published, past its embargo and not expired. */
    public Optional<DeliveredStory> live(String storyId, String lang) {
        return reader.storyLanguages(storyId, ConsumerScope.EVERYONE, Instant.now(clock)).stream()
                .filter(row -> row.lang().equals(lang)).findFirst()
                .map(row -> json.read(row.document(), DeliveredStory.class).withBaseUrl(baseUrl));
    }

    /** Which of these stories' languages are live now, as "storyId|lang". One statement for the lot. */
    public Set<String> liveLanguages(Collection<String> storyIds) {
        return reader.liveLanguages(storyIds, Instant.now(clock));
    }

    /** The hub's public base address (no trailing slash), for links the hub itself serves. */
    public String baseUrl() {
        return baseUrl;
    }
}
