package org.imagehub.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results: the hits, the facets of everything that matched, and the cursor of the next page. */
@Schema(name = "SearchPage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(
        @Schema(required = true) List<Hit> items,
        @Schema(required = true, description = "Localizations that matched, by value of each facet (type, topic, country, keyMessage, lang, "
                + "organisation; state for editors), at most 20 values each") Map<String, List<Facet>> facets,
        @Schema(required = true, description = "Localizations that matched") long total,
        @Schema(description = "Absent on the last page") String next) {

    @Schema(name = "SearchHit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@Schema(required = true) String id, @Schema(required = true) String lang, @Schema(required = true) String type,
            @Schema(required = true) String organisation, @Schema(required = true) String title, String summary, String slug,
            @Schema(required = true) List<String> topics, @Schema(required = true) List<String> countries,
            @Schema(required = true) List<String> keyMessages,
            @Schema(description = "Workflow state (editors' search only)") String state, Instant publishedAt,
            @Schema(required = true) double score,
            @Schema(required = true, description = "Matching fragments by field (title, summary, body), HTML-escaped, matches in <em>")
            Map<String, List<String>> highlights) {
    }

    @Schema(name = "SearchFacet")
    public record Facet(@Schema(required = true) String value, @Schema(required = true) long count) {
    }
}
