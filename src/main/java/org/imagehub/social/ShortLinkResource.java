package org.imagehub.social;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.social.link.ShortLinks;

@Path("/l")
@Tag(name = "Social", description = "Social accounts, network rules, post variants, their approval and calendar.")
public class ShortLinkResource {
    private final ShortLinks links;

    @Context
    Request request;

    public ShortLinkResource(ShortLinks links) {
        this.links = links;
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "Follow a post's short link", description = "Counts the click (not for HEAD, crawlers or link previews) and redirects to the story's page with its UTM parameters. "
            + "A link of a draft, cancelled or taken-down post leads nowhere (404).")
    @APIResponse(responseCode = "302", description = "To the story's page (Location)")
    public Response follow(@Parameter(description = "The link's code", example = "k3v9q2w7r5", schema = @Schema(pattern = "^[2-9a-z]{10}$"))
            @PathParam("code") String code, @Context HttpHeaders headers) {
        // A HEAD, a crawler or a link preview is answered but not counted: clicks are people's.
        boolean count = "GET".equals(request.getMethod()) && org.imagehub.platform.http.Crawlers.isPerson(headers.getHeaderString(HttpHeaders.USER_AGENT));
        String target = links.follow(code, count).orElseThrow(() -> new NotFoundException("No live link '" + code + "'."));
        // Not cached: every click is counted.
        return Response.status(Response.Status.FOUND).location(URI.create(target)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
