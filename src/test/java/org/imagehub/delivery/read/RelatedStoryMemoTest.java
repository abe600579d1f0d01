package org.imagehub.delivery.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RelatedStoryMemoTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int REFRESHES_PER_SECOND = 2;
    private static final ConsumerScope VIETNAM = new ConsumerScope(List.of("fr"), List.of(), List.of("VN"));

    /** The search index's answers, in turn; null stands for an index that cannot answer. */
    private final List<List<String>> answers = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final SimilarStories index = (storyId, lang, topics, scope, now, limit) -> {
        asked.add(storyId + " " + lang + " " + scope.countries());
        return Optional.ofNullable(answers.isEmpty() ? null : answers.remove(0));
    };
    /** Background work (refreshes, upkeep) waits here until the test runs it, as the refresh thread would. */
    private final List<Runnable> background = new ArrayList<>();
    private final RelatedStoryMemo memo = new RelatedStoryMemo(index, Clock.systemUTC(), MAX_AGE, 100, REFRESHES_PER_SECOND, nanos::get, background::add);

    private static final java.time.Instant LONG_AGO = java.time.Instant.now().minus(Duration.ofDays(1));

    private Optional<List<String>> like(String storyId, ConsumerScope scope) {
        return memo.like(storyId, "fr", List.of("culture"), scope, 5, LONG_AGO);
    }

    private void after(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
    }

    private void backgroundDone() {
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
    }

    @Test
    void aStoryAskedAgainIsAnsweredFromMemoryPerScope() {
        answers.addAll(List.of(List.of("a", "b"), List.of("b")));
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a", "b"));
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a", "b"));
        assertThat(like("s1", VIETNAM)).contains(List.of("b"));
        assertThat(asked).containsExactly("s1 fr []", "s1 fr [VN]");
    }

    @Test
    void afterTheMaxAgeTheRememberedAnswerIsGivenAndTheIndexAskedAgain() {
        answers.addAll(List.of(List.of("a"), List.of("a", "new")));
        like("s1", ConsumerScope.EVERYONE);
        after(MAX_AGE.plusSeconds(1));
        // The read that finds it stale is answered with what was remembered; the refresh serves the next one.
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a"));
        backgroundDone();
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a", "new"));
        assertThat(asked).hasSize(2);
    }

    @Test
    void anIndexThatCannotAnswerIsNotRememberedAndARefreshItFailsKeepsTheLastAnswer() {
        answers.add(null);
        assertThat(like("s1", ConsumerScope.EVERYONE)).isEmpty();
        answers.addAll(java.util.Arrays.asList(List.of("a"), null));
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a"));
        after(MAX_AGE.plusSeconds(1));
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a"));
        backgroundDone();
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("a"));
        assertThat(asked).hasSize(3);
    }

    @Test
    void tooOldAnAnswerIsNotGivenWhileTheIndexIsAskedAgain() {
        answers.addAll(List.of(List.of("old"), List.of("fresh")));
        like("s1", ConsumerScope.EVERYONE);
        after(MAX_AGE.multipliedBy(3).plusSeconds(1));
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("fresh"));
    }

    @Test
    void aStoryPublishedAMomentAgoIsAskedAfreshUntilTheIndexHasSettled() {
        answers.addAll(List.of(List.of("a"), List.of("a", "b"), List.of("a", "b", "c")));
        java.time.Instant justNow = java.time.Instant.now();
        assertThat(memo.like("s1", "fr", List.of(), ConsumerScope.EVERYONE, 5, justNow)).contains(List.of("a"));
        assertThat(memo.like("s1", "fr", List.of(), ConsumerScope.EVERYONE, 5, justNow)).contains(List.of("a", "b"));
        java.time.Instant settled = justNow.minus(RelatedStoryMemo.SETTLING).minusSeconds(1);
        assertThat(memo.like("s1", "fr", List.of(), ConsumerScope.EVERYONE, 5, settled)).contains(List.of("a", "b", "c"));
        assertThat(memo.like("s1", "fr", List.of(), ConsumerScope.EVERYONE, 5, settled)).contains(List.of("a", "b", "c"));
        assertThat(asked).hasSize(3);
    }

    @Test
    void refreshesBeyondTheLimitKeepTheRememberedAnswersAnotherMaxAge() {
        for (String story : List.of("s1", "s2", "s3")) {
            answers.add(List.of(story + "-old"));
            like(story, ConsumerScope.EVERYONE);
        }
        after(MAX_AGE.plusSeconds(1));
        answers.addAll(List.of(List.of("s1-new"), List.of("s2-new"), List.of("s3-new")));
        for (String story : List.of("s1", "s2", "s3")) {
            like(story, ConsumerScope.EVERYONE);
        }
        backgroundDone();
        // Two refreshes this second: the third story keeps what it had, and is not asked again before another max age.
        assertThat(like("s1", ConsumerScope.EVERYONE)).contains(List.of("s1-new"));
        assertThat(like("s2", ConsumerScope.EVERYONE)).contains(List.of("s2-new"));
        assertThat(like("s3", ConsumerScope.EVERYONE)).contains(List.of("s3-old"));
        backgroundDone();
        assertThat(asked).hasSize(5);
        after(MAX_AGE.plusSeconds(1));
        assertThat(like("s3", ConsumerScope.EVERYONE)).contains(List.of("s3-old"));
        backgroundDone();
        assertThat(like("s3", ConsumerScope.EVERYONE)).contains(List.of("s3-new"));
        assertThat(asked).hasSize(6);
    }
}
