package org.imagehub.delivery.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.imagehub.delivery.format.NinjsMapper;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.platform.Json;
import org.imagehub.security.consumer.ConsumerAccess;

/**
 * What a consumer is told when a story language leaves the published view: a ninjs item with pubstatus
 * {@code canceled} and the approver's public reason. Only consumers whose scope the item matched once past its
 * embargo are told, as delta sync does: others never learn it existed.
 */
@ApplicationScoped
public class RemovalNotices {
    private final DeliveryReader reader;
    private final Json json;
    private final NinjsMapper ninjs = new NinjsMapper();

    public RemovalNotices(DeliveryReader reader, Json json) {
        this.reader = reader;
        this.json = json;
    }

    /** {@code reason}: withdrawn, expired or archived; {@code publicReason} may be null; {@code ninjs} is UTF-8 JSON. */
    public record Notice(String reason, String publicReason, long version, byte[] ninjs) {
    }

    public Optional<Notice> forConsumer(String storyId, String lang, ConsumerAccess consumer) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        return reader.removed(storyId, lang)
                .filter(removed -> removed.seenVisible() && scope.couldHaveSeen(lang, removed.seenTopics(), removed.seenCountries()))
                .map(removed -> new Notice(removed.reason(), removed.publicReason(), removed.changeSeq(),
                        json.writeBytes(ninjs.canceled(storyId, lang, removed.changeSeq(), removed.removedAt()))));
    }
}
