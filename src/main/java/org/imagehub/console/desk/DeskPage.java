package org.imagehub.console.desk;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.imagehub.console.ConsoleLocale;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.story.EditorDesk;

/** The console's home: what waits for the signed-in person. Also where the console language is picked. */
@Path("/console")
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

    /** A link, not a form: it changes nothing but the page language (a cookie), so it needs no CSRF token. */
    @GET
    @Path("language/{lang}")
    public Response language(@PathParam("lang") String lang) {
        String chosen = "vi".equals(lang) ? "vi" : "en";
        NewCookie cookie = new NewCookie.Builder(ConsoleLocale.LANGUAGE_COOKIE).value(chosen).path("/console").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create("/console")).cookie(cookie).build();
    }
}
