package org.imagehub.social;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.social.calendar.CalendarFeeds;

/** The organisations' social calendars for calendar apps: the secret address is the only credential. */
@Path("/api/v1/social/calendars")
@Tag(name = "Social", description = "Social accounts, network rules, post variants, their approval and calendar.")
public class CalendarFeedResource {
    private final CalendarFeeds feeds;

    public CalendarFeedResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("{organisation}.ics")
    @Produces("text/calendar")
    @PermitAll
    @Operation(summary = "An organisation's social calendar (iCalendar)", description = "The address issued by POST "
            + "/api/v1/manage/social/calendar/feeds/{organisation}; its token is the only credential, so a wrong one is 404.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING,
                    example = "BEGIN:VCALENDAR\r\nPRODID:-//Image Hub//Social calendar//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")))
    public Response feed(@Parameter(description = "The organisation's code", example = "emb-fr") @PathParam("organisation") String organisation,
            @Parameter(description = "The secret of the issued address", example = "q2w7r5t4y1k0zpaq2w7r5t4y1k0zpa") @QueryParam("token") String token) {
        return Response.ok(feeds.feed(organisation, token), "text/calendar; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").build();
    }
}
