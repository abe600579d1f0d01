package org.imagehub.console.session;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsoleLocale;
import org.imagehub.platform.HubConfig;
import org.imagehub.security.DemoTokens;

/**
 * The demo profile's sign-in form (production signs in through the identity provider's code flow, see README) and
 * sign-out. The session cookie is HttpOnly, SameSite=Lax, Secure and {@code __Host-} prefixed unless
 * {@code hub.console.secure-cookie} is off (the demo on plain http://localhost).
 */
@Path("/console")
@PermitAll
public class SignInPage {
    private final DemoTokens demoTokens;
    private final boolean secureCookie;
    private final Template signIn;
    private final ConsoleLocale locale;

    public SignInPage(DemoTokens demoTokens, HubConfig config,
            @Location("console/sign-in.html") Template signIn, ConsoleLocale locale) {
        this.demoTokens = demoTokens;
        this.secureCookie = config.console().secureCookie();
        this.signIn = signIn;
        this.locale = locale;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("next") String next) {
        if (!demoTokens.enabled()) {
            // With an identity provider the console tenant's code flow signs in: any console page starts it.
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.ok(page(null, "", safeNext(next))).build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password, @FormParam("next") String next) {
        Optional<DemoTokens.Issued> issued = demoTokens.signIn(username, password);
        if (issued.isEmpty()) {
            return Response.status(401).entity(page("signin_failed", username == null ? "" : username, safeNext(next))).build();
        }
        NewCookie cookie = sessionCookie(issued.get().token(), (int) DemoTokens.LIFETIME.toSeconds());
        return Response.seeOther(URI.create(safeNext(next))).cookie(cookie).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        Response redirect = ConsoleForms.redirect("/console/sign-in", htmx);
        return Response.fromResponse(redirect).cookie(sessionCookie("", 0)).build();
    }

    @GET
    @Path("language/{lang}")
    public Response language(@PathParam("lang") String lang) {
        String chosen = "vi".equals(lang) ? "vi" : "en";
        NewCookie cookie = new NewCookie.Builder(ConsoleLocale.LANGUAGE_COOKIE).value(chosen).path("/console").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create("/console")).cookie(cookie).build();
    }

    private TemplateInstance page(String error, String username, String next) {
        return locale.apply(signIn.data("error", error).data("username", username).data("next", next));
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return ConsoleSession.cookie(value, maxAge, secureCookie);
    }

    /** Only a console path of this hub: never an open redirect to another site. */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\") || next.contains("\n") || next.contains("\r")) {
            return "/console";
        }
        return next;
    }
}
