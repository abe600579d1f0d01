package org.imagehub.security.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/audit")
@Tag(name = "Audit log", description = "Every write, append-only; admins only. No operation changes it.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    private final AuditReader reader;
    private final int maxPageSize;

    public AuditResource(AuditReader reader, HubConfig config) {
        this.reader = reader;
        this.maxPageSize = config.limits().maxPageSize();
    }

    @GET
    @Operation(summary = "Audit entries, newest first", description = "Filters combine with AND; `since` inclusive, `until` exclusive.")
    public AuditReader.Page list(@Parameter(description = "Who wrote", example = "editor.mofa") @QueryParam("actor") String actor,
            @Parameter(description = "The writer's organisation", example = "mofa") @QueryParam("organisation") String organisation,
            @Parameter(description = "What was done", example = "story.created") @QueryParam("action") String action,
            @Parameter(description = "The id or code written to") @QueryParam("targetId") String targetId,
            @Parameter(description = "From this instant (inclusive)", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = "Before this instant (exclusive)", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("until") String until,
            @Parameter(description = "Opaque, signed: the `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        AuditQuery filter = new AuditQuery(actor, organisation, action, targetId, QueryParams.optionalInstant(since, "query.since"),
                QueryParams.optionalInstant(until, "query.until"));
        return reader.read(filter, cursor, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, maxPageSize));
    }
}
