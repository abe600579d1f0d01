package org.imagehub.delivery.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryChangesTest {
    private final DeliveryChanges changes = new DeliveryChanges();

    @Test
    void aChangeOfSomeStoriesLeavesAnswersAboutOthersCurrentAndTellsItsListeners() {
        List<Set<String>> heard = new ArrayList<>();
        changes.onStoriesChanged(heard::add);
        long before = changes.generation();
        changes.changed(List.of("a", "b"));
        assertThat(changes.generation()).isEqualTo(before + 1);
        assertThat(changes.unchangedSince(before, List.of("c"))).isTrue();
        assertThat(changes.unchangedSince(before, List.of("c", "b"))).isFalse();
        assertThat(changes.unchangedSince(changes.generation(), List.of("a"))).isTrue();
        changes.changed();
        assertThat(changes.unchangedSince(before + 1, List.of("c"))).as("a change of everything").isFalse();
        assertThat(heard).containsExactly(Set.of("a", "b"), null);
    }

    @Test
    void pastTheStoriesItRemembersAChangeCountsAsAChangeOfEverything() {
        long before = changes.generation();
        changes.changed(IntStream.range(0, DeliveryChanges.REMEMBERED_STORIES).mapToObj(i -> "s" + i).toList());
        assertThat(changes.unchangedSince(before, List.of("other"))).isTrue();
        long full = changes.generation();
        changes.changed(List.of("one-more"));
        assertThat(changes.unchangedSince(full, List.of("s1"))).isFalse();
        assertThat(changes.unchangedSince(full, List.of("other"))).isFalse();
        assertThat(changes.unchangedSince(changes.generation(), List.of("other"))).isTrue();
    }
}
