package org.imagehub.console.desk;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.story.EditorDesk;
import org.imagehub.security.Roles;

/** The console's home: what waits for the signed-in person. */
@Path("/console")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class DeskPage {
    private static final int PER_LIST = 20;

    private final EditorDesk desk;
    private final ConsolePage page;
    private final Template template;

    public DeskPage(EditorDesk desk, ConsolePage page, @Location("console/desk.html") Template template) {
        this.desk = desk;
        this.page = page;
        this.template = template;
    }

    @GET
    public TemplateInstance desk() {
        return page.of(template, "desk").data("desk", desk.of(page.actor(), PER_LIST));
    }
}
