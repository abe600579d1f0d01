package org.imagehub.console.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.imagehub.content.revision.RevisionView;
import org.junit.jupiter.api.Test;

/** The visual diff marks changed words and never lets a revision's text become markup in the console page. */
class RevisionDiffTest {
    private static RevisionView revision(int number, String title, String body) {
        return new RevisionView(number, "slug", title, null, body, null, null, null, null, null, null, Instant.EPOCH, "editor.mofa");
    }

    @Test
    void changedWordsAreMarkedAndTextIsEscaped() {
        List<RevisionPages.FieldDiff> diff = RevisionPages.diff(
                revision(1, "Hội nghị thông tin <b>đối ngoại</b> & báo chí", "<p>Hà Nội, ngày 1.</p>"),
                revision(2, "Hội nghị thông tin <script>alert(1)</script> & báo chí", "<p>Hà Nội, ngày 2.</p>"));
        RevisionPages.FieldDiff title = diff.stream().filter(field -> field.field().equals("title")).findFirst().orElseThrow();
        assertThat(title.changed()).isTrue();
        assertThat(title.after()).contains("<ins>").contains("&lt;<ins>script</ins>&gt;").doesNotContain("<script").contains("&amp;");
        assertThat(title.before()).contains("&lt;<del>b</del>&gt;").doesNotContain("<b>");
        RevisionPages.FieldDiff body = diff.stream().filter(field -> field.field().equals("body")).findFirst().orElseThrow();
        assertThat(body.before()).contains("Hà Nội").contains("<del>").doesNotContain("<p>");
        assertThat(diff.stream().filter(field -> field.field().equals("slug")).findFirst().orElseThrow().changed()).isFalse();
    }
}
