package org.imagehub.security.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.HubConfig;
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
    public AuditReader.Page list(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation,
            @QueryParam("action") String action, @QueryParam("targetId") String targetId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        AuditQuery filter = new AuditQuery(actor, organisation, action, targetId, QueryParams.optionalInstant(since, "query.since"),
                QueryParams.optionalInstant(until, "query.until"));
        return reader.read(filter, cursor, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, maxPageSize));
    }
}
