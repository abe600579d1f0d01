package org.imagehub.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.analytics.criteria.CriteriaInput;
import org.imagehub.analytics.criteria.CriteriaSet;
import org.imagehub.analytics.criteria.CriteriaSets;
import org.imagehub.analytics.criteria.Ranking;
import org.imagehub.analytics.criteria.Scorecard;
import org.imagehub.analytics.criteria.Scorecards;
import org.imagehub.analytics.report.ReportPeriod;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.CsvTableWriter;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Actor;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

/** Each organisation's criteria set, its scorecard per period, and the ranking of organisations (central organisation). */
@Path("/api/v1/manage/reports")
@Tag(name = "Reports")
@Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class CriteriaResource {
    private final CriteriaSets criteria;
    private final Scorecards scorecards;
    private final CurrentActor actor;
    private final Clock clock;

    public CriteriaResource(CriteriaSets criteria, Scorecards scorecards, CurrentActor actor, Clock clock) {
        this.criteria = criteria;
        this.scorecards = scorecards;
        this.actor = actor;
        this.clock = clock;
    }

    @GET
    @Path("criteria/{organisation}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An organisation's criteria set", description = "Its KPIs, targets and weights; ETag for a later replacement.")
    @APIResponse(responseCode = "200", description = "The set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CriteriaSet.class)))
    public Response get(@Parameter(description = "The organisation", example = "mofa") @PathParam("organisation") String organisation) {
        String which = ReportAccess.oneOrganisation(actor.get(), organisation);
        CriteriaSet set = criteria.get(which).orElseThrow(() -> new NotFoundException("Organisation '" + which + "' has no criteria set."));
        return Response.ok(set).header(HttpHeaders.ETAG, EntityTags.of(set.version())).build();
    }

    @PUT
    @Path("criteria/{organisation}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Set an organisation's criteria", description = "Replaces the whole set (If-Match its ETag; none to create the "
            + "first). The organisation's approvers, the central organisation's approvers and admins. Every fault is named; nothing is "
            + "saved unless all are right.")
    @APIResponse(responseCode = "200", description = "The set as saved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CriteriaSet.class)))
    public Response save(@Parameter(description = "The organisation", example = "mofa") @PathParam("organisation") String organisation,
            @Parameter(description = "The ETag of the set replaced") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaInput.class),
                    examples = @ExampleObject(name = "example", value = """
                            {"period": "month", "kpis": [
                              {"id": "fr-reach", "name": "Readers in France", "measure": "reach", "country": "FR", "target": 50000, "weight": 2},
                              {"id": "flood-coverage", "name": "Flood message in 3 languages", "measure": "coverage", "keyMessage": "flood-response",
                               "languages": ["en", "fr", "zh"], "minLanguages": 3, "target": 1, "weight": 1},
                              {"id": "translation-speed", "name": "Translations within a day", "measure": "speed", "target": 24, "weight": 1}]}"""))) CriteriaInput input) {
        Bodies.require(input);
        Actor caller = actor.get();
        if (!caller.isAdmin() && !caller.centralOrganisation() && !organisation.equals(caller.organisation())) {
            throw new ForbiddenException("Only the organisation's approvers, the central organisation's and admins set its criteria.");
        }
        CriteriaSet set = criteria.save(organisation, input, ifMatch, caller);
        return Response.ok(set).header(HttpHeaders.ETAG, EntityTags.of(set.version())).build();
    }

    @GET
    @Path("scorecard")
    @Operation(summary = "An organisation's scorecard", description = "Each KPI of its criteria set for the period: value, target, score "
            + "(0–1) and weight, and the weighted overall score.")
    @APIResponse(responseCode = "200", description = "The scorecard", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "id,name,measure,unit,value,target,direction,score,weight"))})
    @APIResponse(responseCode = "404", description = "The organisation has no criteria set", ref = "NotFound")
    public Scorecard scorecard(
            @Parameter(description = "Default: the caller's", example = "mofa") @QueryParam("organisation") String organisation,
            @Parameter(description = "A month (2026-11), quarter (2026-Q4) or ISO week (2026-W48); default the current one of the set's kind",
                    example = "2026-11") @QueryParam("period") String period) {
        String which = ReportAccess.oneOrganisation(actor.get(), organisation);
        return scorecards.scorecard(which, period == null ? scorecards.currentPeriod(which, today()) : ReportPeriod.parse(period, "query.period"));
    }

    @GET
    @Path("ranking")
    @Operation(summary = "Organisations ranked by score", description = "The central organisation's people and admins: every organisation "
            + "with a criteria set, by its overall score for the period against its own criteria.")
    @APIResponse(responseCode = "200", description = "The ranking", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ranking.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = "rank,organisation,name,score,kpis,scoredKpis"))})
    public Ranking ranking(@Parameter(description = "A month (2026-11), quarter (2026-Q4) or ISO week (2026-W48); default the current month",
            example = "2026-11") @QueryParam("period") String period) {
        if (!ReportAccess.seesAll(actor.get())) {
            throw new ForbiddenException("Only the central organisation and admins see the ranking.");
        }
        return scorecards.ranking(period == null ? ReportPeriod.Kind.MONTH.containing(today()) : ReportPeriod.parse(period, "query.period"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
