package org.imagehub.console.importing;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.importing.ImportResource;
import org.imagehub.platform.http.RequestLimitsFilter;
import org.imagehub.security.Roles;

/**
 * Importing stories from an NDJSON file with its progress: the page reads the import's streamed answer (one result
 * line per input line) as it arrives and moves a progress bar over the file's line count; every failed line is
 * listed with its fields at fault. The import itself is the API's, the same request and the same limits.
 */
@Path("/console/import")
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ImportPage {
    private final ImportResource imports;
    private final ConsolePage page;
    private final Template template;

    public ImportPage(ImportResource imports, ConsolePage page, @Location("console/import.html") Template template) {
        this.imports = imports;
        this.page = page;
        this.template = template;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return page.of(template, "import");
    }

    @POST
    @Consumes(RequestLimitsFilter.NDJSON)
    @Produces(RequestLimitsFilter.NDJSON)
    public Response run(InputStream body) {
        return imports.importStories(body);
    }
}
