package org.imagehub.social;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;
import org.imagehub.social.calendar.CalendarFeeds;
import org.imagehub.social.calendar.CalendarView;
import org.imagehub.social.calendar.SocialCalendar;

@Path("/api/v1/manage/social/calendar")
@Tag(name = "Social", description = "Social accounts, network rules, post variants, their approval and calendar.")
public class SocialCalendarResource {
    private final SocialCalendar calendar;
    private final CalendarFeeds feeds;
    private final CurrentActor editor;
    private final Json json;

    public SocialCalendarResource(SocialCalendar calendar, CalendarFeeds feeds, CurrentActor editor, Json json) {
        this.calendar = calendar;
        this.feeds = feeds;
        this.editor = editor;
        this.json = json;
    }

    /** A calendar-feed address, shown once. */
    @Schema(name = "CalendarFeedAddress", requiredProperties = {"url"})
    public record FeedAddress(@Schema(description = "Relative to the hub; keep it secret, it opens the calendar without signing in",
            example = "/api/v1/social/calendars/emb-fr.ics?token=q2w7r5t4y1k0zpaq2w7r5t4y1k0zpa") String url) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "The social calendar", description = "Posts scheduled in [from, to) (default: from a day ago, 14 days; at most 92 days "
            + "and 5,000 posts) on the caller's organisation's accounts, with clashes (two posts on one account closer than "
            + "hub.social.min-interval) and gaps (an account quiet for longer than hub.social.max-gap).")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response calendar(@Parameter(description = "The ETag of a copy the client has") @jakarta.ws.rs.HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "Start of the window", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "End of the window", example = ApiSchemas.INSTANT_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Only this account", example = "01jd8x6m3v9q2w7r5t4y1k0zpb") @QueryParam("account") String account,
            @Parameter(description = "Only posts in this language", example = "fr",
                    schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG)) @QueryParam("lang") String lang,
            @Parameter(description = "Only posts in this state", example = "queued") @QueryParam("state") String state) {
        if (lang != null && !lang.matches(ApiSchemas.LANGUAGE_TAG)) {
            throw ValidationException.of("query.lang", "invalid-language", "a BCP 47 tag");
        }
        CalendarView view = calendar.calendar(editor.get(), new SocialCalendar.Window(QueryParams.optionalInstant(from, "query.from"),
                QueryParams.optionalInstant(to, "query.to"), account, lang, state));
        return SocialResponses.revalidated(json.writeBytes(view), ifNoneMatch);
    }

    @POST
    @Path("feeds/{organisation}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Issue the organisation's iCalendar feed address", description = "For calendar apps to subscribe to (posts from 30 days "
            + "ago to 90 days ahead, with clashes and gaps). Shown once; issuing again replaces it and the old address stops working.")
    @APIResponse(responseCode = "201", description = "The new address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedAddress.class)))
    public Response issueFeed(@Parameter(description = "The organisation's code", example = "emb-fr") @PathParam("organisation") String organisation) {
        return Response.status(201).entity(new FeedAddress(feeds.issue(organisation, editor.get()))).type(MediaType.APPLICATION_JSON).build();
    }
}
