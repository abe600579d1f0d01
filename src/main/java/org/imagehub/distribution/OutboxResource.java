package org.imagehub.distribution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.platform.paging.PageLimit;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/outbox")
@Tag(name = "Outbox", description = "The event dispatcher: handlers' backlogs, events parked after repeated failures, replays. Admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {
    private final ParkedEvents parked;
    private final CurrentActor editor;
    private final int maxPageSize;

    public OutboxResource(ParkedEvents parked, CurrentActor editor, HubConfig config) {
        this.parked = parked;
        this.editor = editor;
        this.maxPageSize = config.limits().maxPageSize();
    }

    /** Every handler: one page, so {@code next} is always absent. */
    public record HandlerList(List<HandlerStatusView> items, String next) {
    }

    @GET
    @Path("handlers")
    @Operation(summary = "The handlers and what each still owes",
            description = "Pending and parked counts and the age of the oldest pending event, as read every hub.outbox.stats-interval.")
    public HandlerList handlers() {
        return new HandlerList(parked.handlers(), null);
    }

    @GET
    @Path("parked")
    @Operation(summary = "Parked events, by handler then event id", description = "Each with its handler, attempts and last error.")
    public ParkedEvents.Page listParked(@Parameter(description = "Only this handler's", example = "search") @QueryParam("handler") String handler,
            @Parameter(description = "Opaque, signed: the `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ApiSchemas.MAX_PAGE_SIZE)) @QueryParam("limit") String limit) {
        return parked.parked(handler, cursor, PageLimit.of(QueryParams.optionalInt(limit, "query.limit"), 50, maxPageSize));
    }

    @POST
    @Path("parked/{handler}/{eventId}/replay")
    @Operation(summary = "Deliver one parked event again", description = "Due at once, its attempts counted from zero again. Audited.")
    public ReplayResult replayOne(@Parameter(description = "The handler it is parked for", example = "search") @PathParam("handler") String handler,
            @Parameter(description = "The event's id", example = "1200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @PathParam("eventId") String eventId) {
        return parked.replayOne(handler, eventId(eventId), editor.get());
    }

    @POST
    @Path("replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver parked events again: all, a handler's, or a handler's range",
            description = "An empty object replays every parked event; `handler` only that handler's; with `fromEventId` and/or "
                    + "`toEventId` (inclusive) only that range of its events. Replaying twice is harmless (nothing is parked the "
                    + "second time). Audited.")
    public ReplayResult replay(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"handler\": \"search\", \"fromEventId\": 1000, \"toEventId\": 2000}"))) ReplayRequest request) {
        return parked.replay(org.imagehub.platform.http.Bodies.require(request), editor.get());
    }

    private static long eventId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ValidationException.of("path.eventId", "invalid", "a positive integer");
    }
}
