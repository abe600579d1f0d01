package org.imagehub.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.DependencyUnavailableException;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/search-index")
@Tag(name = "Search index", description = "Rebuilding and checking the search index. Admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SearchAdminResource {
    private final Reindexer reindexer;
    private final SearchConsistency consistency;
    private final SearchAdmin admin;
    private final CurrentActor editor;

    public SearchAdminResource(Reindexer reindexer, SearchConsistency consistency, SearchAdmin admin, CurrentActor editor) {
        this.reindexer = reindexer;
        this.consistency = consistency;
        this.admin = admin;
        this.editor = editor;
    }

    @Schema(name = "ConsistencyCheck")
    public record CheckView(@Schema(required = true, example = "2026-11-30T21:40:00Z") String at, @Schema(required = true) long documents, @Schema(required = true) long missing,
            @Schema(required = true) long stale, @Schema(required = true) long extra,
            @Schema(required = true, description = "Documents still missing, stale or extra after the repair") long drift,
            @Schema(required = true, description = "Stories written to the index again") long repairedStories,
            @Schema(required = true, description = "Stories not compared: a change of theirs is still queued for the indexer, which will write them")
            long behind) {
        static CheckView of(SearchConsistency.Result result) {
            return new CheckView(result.at().toString(), result.documents(), result.missing(), result.stale(), result.extra(), result.drift(),
                    result.repairedStories(), result.behind());
        }
    }

    @Schema(name = "Reindex")
    public record ReindexView(@Schema(required = true, example = "imagehub-stories-v1") String from,
            @Schema(required = true, example = "imagehub-stories-v2") String to, @Schema(required = true) long stories,
            @Schema(required = true) long millis, @Schema(required = true) CheckView check) {
    }

    @POST
    @Path("consistency-check")
    @Operation(summary = "Compare PostgreSQL and the search index (ids and versions) and repair the drift",
            description = "Also runs on a schedule and after an Elasticsearch outage; the last result is in the readiness details. Audited.")
    @APIResponse(responseCode = "200", description = "What was found and repaired",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unavailable (Retry-After)")
    public CheckView check() {
        SearchConsistency.Result result = consistency.checkAndRepair();
        if (result.error() != null) {
            throw new DependencyUnavailableException("Search is unavailable for a moment; retry the check shortly.", null);
        }
        CheckView view = CheckView.of(result);
        admin.audited(editor.get(), "search.consistency-check", Map.of("drift", view.drift(), "repairedStories", view.repairedStories()));
        return view;
    }

    @POST
    @Path("reindex")
    @Operation(summary = "Rebuild the search index from PostgreSQL without downtime",
            description = "Fills a new index version from a scan of PostgreSQL, moves the alias to it atomically (searches keep working), deletes "
                    + "the old version, then runs a consistency check. Audited.")
    @APIResponse(responseCode = "200", description = "The old and new index versions, the stories written and the check after the swap",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", description = "Elasticsearch is unavailable (Retry-After)")
    public ReindexView reindex() {
        Reindexer.Result result = reindexer.reindex();
        if (result.check().error() != null) {
            throw new DependencyUnavailableException("Search is unavailable for a moment; retry shortly.", null);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", result.from());
        details.put("to", result.to());
        details.put("stories", result.stories());
        admin.audited(editor.get(), "search.reindex", details);
        return new ReindexView(result.from(), result.to(), result.stories(), result.millis(), CheckView.of(result.check()));
    }
}
