package org.imagehub.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.analytics.report.CorrectionReach;
import org.imagehub.analytics.report.CorrectionReachReport;
import org.imagehub.analytics.report.CoverageReport;
import org.imagehub.analytics.report.EditorialReports;
import org.imagehub.analytics.report.ReachReport;
import org.imagehub.analytics.report.ReportFilter;
import org.imagehub.analytics.report.ReportQuery;
import org.imagehub.analytics.report.TopStoriesReport;
import org.imagehub.analytics.report.TranslationSpeedReport;
import org.imagehub.analytics.report.UsageReports;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.CsvTableWriter;
import org.imagehub.platform.http.QueryParams;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;

/**
 * The effectiveness reports, as JSON or CSV ({@code Accept: text/csv}, the rows only). Usage comes from the daily
 * roll-up; coverage, translation speed and correction reach from the content and delivery receipts.
 */
@Path("/api/v1/manage/reports")
@Tag(name = "Reports", description = "Reach, coverage, speed and consistency of the message; JSON or CSV (Accept: text/csv).")
@Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ReportResource {
    static final int MAX_TOP_STORIES = 100;

    private final UsageReports usage;
    private final EditorialReports editorial;
    private final CorrectionReach corrections;
    private final CurrentActor actor;
    private final Clock clock;

    public ReportResource(UsageReports usage, EditorialReports editorial, CorrectionReach corrections, CurrentActor actor, Clock clock) {
        this.usage = usage;
        this.editorial = editorial;
        this.corrections = corrections;
        this.actor = actor;
        this.clock = clock;
    }

    @GET
    @Path("reach")
    @Operation(summary = "Reach over time", description = "Events per period and channel: page views, API reads, sync pickups, feed fetches, "
            + "acknowledged webhooks, social impressions, short-link clicks. Rolled up every minute.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReachReport.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = "period,channel,events,visitors,clicks"))})
    public ReachReport reach(@BeanParam ReportQuery query,
            @Parameter(description = "Period of each row", schema = @Schema(enumeration = {"day", "week", "month"}, defaultValue = "day"))
            @QueryParam("granularity") String granularity) {
        return usage.reach(filter(query), granularity == null ? "day" : granularity);
    }

    @GET
    @Path("top-stories")
    @Operation(summary = "Top stories", description = "The stories with the most events in the range, with their clicks.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopStoriesReport.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = "rank,storyId,organisation,title,events,clicks"))})
    public TopStoriesReport topStories(@BeanParam ReportQuery query,
            @Parameter(description = "How many stories, 1–100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        Integer count = QueryParams.optionalInt(limit, "query.limit");
        if (count != null && (count < 1 || count > MAX_TOP_STORIES)) {
            throw ValidationException.of("query.limit", "out-of-range", "1 to " + MAX_TOP_STORIES);
        }
        return usage.topStories(filter(query), count == null ? 20 : count);
    }

    @GET
    @Path("key-message-coverage")
    @Operation(summary = "Key-message coverage by language", description = "For each key message (the organisation's own, or the one named), "
            + "how many stories carrying it are published in each language by the end of the range.")
    @APIResponse(responseCode = "200", description = "The matrix", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageReport.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING, description = "keyMessage,lang,stories"))})
    public CoverageReport coverage(@BeanParam ReportQuery query) {
        return editorial.coverage(filter(query));
    }

    @GET
    @Path("translation-speed")
    @Operation(summary = "Translation speed", description = "For translations first published in the range: hours after their source "
            + "language's first publication; median, 90th percentile and buckets.")
    @APIResponse(responseCode = "200", description = "The distribution", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationSpeedReport.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "storyId,sourceLang,lang,sourcePublishedAt,publishedAt,hours"))})
    public TranslationSpeedReport translationSpeed(@BeanParam ReportQuery query) {
        return editorial.translationSpeed(filter(query));
    }

    @GET
    @Path("correction-reach")
    @Operation(summary = "Correction reach", description = "Corrections and withdrawals in the range, and how many of the consumers that had "
            + "the story acknowledged or re-fetched the change within the window, later, or not yet.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionReachReport.class)),
            @Content(mediaType = CsvTableWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "storyId,lang,kind,changedAt,consumers,reachedInTime,reachedLater,notReached"))})
    public CorrectionReachReport correctionReach(@BeanParam ReportQuery query,
            @Parameter(description = "The window after each change, 1–2160 hours", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2160",
                    defaultValue = "24")) @QueryParam("withinHours") String withinHours) {
        Integer hours = QueryParams.optionalInt(withinHours, "query.withinHours");
        if (hours != null && (hours < 1 || hours > 2160)) {
            throw ValidationException.of("query.withinHours", "out-of-range", "1 to 2160");
        }
        return corrections.report(filter(query), Duration.ofHours(hours == null ? 24 : hours));
    }

    private ReportFilter filter(ReportQuery query) {
        return query.filter(ReportAccess.organisation(actor.get(), query.organisation), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }
}
