package org.imagehub.content.keymessage;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** For one active key message: the languages in which published content carries it, and those in which none does. */
public record KeyMessageCoverage(@Schema(example = "km-reliable-partner") String code,
        @Schema(example = "[\"vi\", \"en\"]") List<String> languagesWithContent,
        @Schema(example = "[\"fr\", \"zh-Hans\", \"uk\"]") List<String> languagesWithout, int publishedStories) {
}
