package org.imagehub.content.story;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who to credit, where it comes from, and under which licence partners may reuse it. */
public record RightsInput(
        @Schema(maxLength = StoryLimits.RIGHTS_TEXT, example = "Photo: VNA") String credit,
        @Schema(maxLength = StoryLimits.RIGHTS_TEXT, example = "Vietnam News Agency") String source,
        @Schema(description = "A licence name or URL", maxLength = StoryLimits.LICENCE, example = "https://creativecommons.org/licenses/by/4.0/")
        String licence) {
}
