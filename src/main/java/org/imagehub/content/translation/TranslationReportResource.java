package org.imagehub.content.translation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentEditor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/reports/translations")
@Tag(name = "Reports", description = "Editorial reports such as missing and outdated translations.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class TranslationReportResource {
    private static final int MAX_STORIES = 500;
    private final TranslationReportService reports;
    private final CurrentEditor editor;

    public TranslationReportResource(TranslationReportService reports, CurrentEditor editor) {
        this.reports = reports;
        this.editor = editor;
    }

    @GET
    @Operation(summary = "Missing and outdated translations",
            description = "Per language (totals) and per story (most recently changed first), against the target languages or `lang`; "
                    + "over the stories of your organisation (all organisations for admins and central approvers).")
    public TranslationReport report(@QueryParam("lang") List<String> languages, @QueryParam("limit") String limit) {
        return reports.report(languages, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 100, MAX_STORIES), editor.get());
    }
}
