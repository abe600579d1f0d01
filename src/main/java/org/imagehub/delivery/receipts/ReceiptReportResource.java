package org.imagehub.delivery.receipts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.security.Actor;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

@Path("/api/v1/manage/reports/receipts")
@Tag(name = "Delivery receipts", description = "Who has the current version of each story, and who has not yet.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ReceiptReportResource {
    /** A report counts at most this many stories; narrower `since` for more. */
    private static final int REPORT_STORIES = 200;

    private final DeliveryReceipts receipts;
    private final CurrentActor actor;
    private final Clock clock;

    public ReceiptReportResource(DeliveryReceipts receipts, CurrentActor actor, Clock clock) {
        this.receipts = receipts;
        this.actor = actor;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Delivery receipts of an organisation's stories", description = "Over the stories of the organisation published, "
            + "corrected or taken down since then (at most 200, most recent first): totals, and per consumer how many it has, has not yet, "
            + "or failed to get. Admins may name any organisation; others get their own.")
    public OrganisationReceipts organisation(
            @Parameter(description = "ISO-8601 instant; default 24 hours ago", example = "2026-11-30T00:00:00Z") @QueryParam("since") String since,
            @Parameter(description = "Admins only; default the caller's", example = "mofa") @QueryParam("organisation") String organisation) {
        Actor caller = actor.get();
        if (organisation != null && !organisation.equals(caller.organisation()) && !caller.isAdmin()) {
            throw new ForbiddenException("Only admins see another organisation's receipts.");
        }
        String which = organisation != null ? organisation : caller.organisation();
        if (which == null) {
            throw ValidationException.of("query.organisation", "required", "name the organisation");
        }
        Instant from = QueryParams.optionalInstant(since, "query.since");
        return receipts.forOrganisation(which, from != null ? from : Instant.now(clock).minus(Duration.ofDays(1)), REPORT_STORIES);
    }
}
