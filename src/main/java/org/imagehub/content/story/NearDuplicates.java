package org.imagehub.content.story;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Stories of any organisation whose text is very like a draft's, in the draft's language: a question content asks
 * when a draft is saved and the search feature answers (content does not depend on search; search implements this).
 */
public interface NearDuplicates {
    /** The check for the story's localization in {@code lang} with this text; never fails: unchecked when it cannot run. */
    Check check(String storyId, String lang, String title, String text);

    /**
     * @param checked whether the check ran; false when search was unavailable (the save succeeded all the same)
     * @param note    why it did not run, else null
     */
    @Schema(name = "NearDuplicateCheck", requiredProperties = {"checked", "similar"},
            description = "Stories of any organisation whose text in this language is very like the saved draft, most similar first",
            example = """
                    {"checked": true, "similar": [{"id": "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPB", "organisation": "hue", "lang": "fr",
                      "title": "Le Vietnam et la France renforcent leur partenariat", "state": "published", "score": 41.7}]}""")
    record Check(boolean checked, String note, List<SimilarStory> similar) {
        public static Check unavailable() {
            return new Check(false, "Search is unavailable: no check for similar stories was made. The draft is saved.", List.of());
        }
    }

    /** @param state the localization's workflow state (another organisation's: published only, unless it shares drafts) */
    @Schema(name = "NearDuplicate", requiredProperties = {"id", "organisation", "lang", "title", "state", "score"})
    record SimilarStory(String id, String organisation, String lang, String title, String state,
            @Schema(description = "Elasticsearch more-like-this score: higher is more similar; comparable within one answer") double score) {
    }
}
