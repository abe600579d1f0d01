package org.imagehub.delivery.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stories whose text is most like a story's, in one language: a question delivery asks and the search feature
 * answers (delivery does not depend on search; search implements this).
 */
public interface SimilarStories {
    /**
     * Ids of published stories like {@code storyId} in {@code lang}, best first, at most {@code limit}; when
     * {@code topics} is not empty, only stories sharing one of them. Candidates only: the caller checks them against
     * the published view. Empty when the index cannot answer right now (down, slow).
     */
    Optional<List<String>> like(String storyId, String lang, List<String> topics, ConsumerScope scope, Instant now, int limit);
}
