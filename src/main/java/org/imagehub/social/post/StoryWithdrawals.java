package org.imagehub.social.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.imagehub.content.events.LocalizationTransitioned;
import org.imagehub.security.Actor;

/**
 * A story language leaving publication takes its posts with it, in the same transaction: posts not yet out are
 * cancelled at once (a scheduler asking for due posts a moment later no longer gets them), and when the story was
 * withdrawn, posts already out are marked for takedown and listed for their schedulers.
 */
@ApplicationScoped
public class StoryWithdrawals {
    private static final Set<String> PENDING = Set.of(PostState.DRAFT.value(), PostState.APPROVED.value(), PostState.QUEUED.value(),
            PostState.CLAIMED.value(), PostState.FAILED.value());

    private final PostStates states;

    public StoryWithdrawals(PostStates states) {
        this.states = states;
    }

    void onTransition(@Observes LocalizationTransitioned transition) {
        boolean withdrawn = "withdrawn".equals(transition.to());
        if (!withdrawn && !"archived".equals(transition.to())) {
            return;
        }
        List<SocialPost> posts = SocialPost.<SocialPost>find("storyId = ?1 and lang = ?2 and state in ?3", transition.storyId(), transition.lang(),
                withdrawn ? union(PENDING, PostState.POSTED.value()) : PENDING).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        Actor actor = new Actor(transition.meta().actor(), transition.meta().organisation(), Set.of(), false);
        String reason = "story " + transition.to() + (transition.publicReason() == null ? "" : ": " + transition.publicReason());
        for (SocialPost post : posts) {
            post.version++;
            if (PostState.of(post.state) == PostState.POSTED) {
                states.move(actor, post, PostState.TAKEDOWN_REQUESTED, "takedown-requested", reason);
            } else {
                states.move(actor, post, PostState.CANCELLED, "cancelled", reason);
            }
        }
    }

    private static Set<String> union(Set<String> states, String more) {
        java.util.HashSet<String> all = new java.util.HashSet<>(states);
        all.add(more);
        return all;
    }
}
