package org.imagehub.content.translation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/reports/translations")
@Tag(name = "Reports", description = "Editorial reports such as missing and outdated translations.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class TranslationReportResource {
    private static final int MAX_STORIES = 500;
    private final TranslationReportService reports;
    private final CurrentActor editor;

    public TranslationReportResource(TranslationReportService reports, CurrentActor editor) {
        this.reports = reports;
        this.editor = editor;
    }

    @GET
    @Operation(summary = "Missing and outdated translations",
            description = "Per language (totals) and per story (most recently changed first), against the target languages or `lang`; "
                    + "over the stories of your organisation (all organisations for admins and central approvers).")
    public TranslationReport report(
            @Parameter(description = "Languages to measure against (repeatable; default: the target languages)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.LanguageTag.class)) @QueryParam("lang") List<String> languages,
            @Parameter(description = "Stories listed (default 100)", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_STORIES)) @QueryParam("limit") String limit) {
        return reports.report(languages, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 100, MAX_STORIES), editor.get());
    }
}
