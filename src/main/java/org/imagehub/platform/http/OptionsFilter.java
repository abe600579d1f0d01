package org.imagehub.platform.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.imagehub.platform.errors.NotFoundException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code OPTIONS} names exactly the methods the path serves ({@link AllowedMethods}); no resource there is a 404. */
public class OptionsFilter {
    @ServerRequestFilter(preMatching = true)
    public Response answerOptions(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        Set<String> allowed = AllowedMethods.at(request.getUriInfo().getPath());
        if (allowed.isEmpty()) {
            throw new NotFoundException("No resource at this path.");
        }
        return Response.ok().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }
}
