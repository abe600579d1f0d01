package org.imagehub.analytics.report;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.imagehub.platform.http.ApiSchemas;

/** The query every report takes: the days and the filters. */
public class ReportQuery {
    /** Without from and to, a report covers the last 30 days. */
    static final int DEFAULT_DAYS = 30;

    @QueryParam("from")
    @Parameter(description = "First day (UTC), ISO date; default 29 days before `to`", example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Last day (UTC), ISO date, included; default today. At most 800 days from `from`.", example = "2026-11-30")
    public String to;

    @QueryParam("organisation")
    @Parameter(description = "Only this organisation's stories. Default: the caller's own; the central organisation's people and admins see "
            + "every organisation's unless they name one", example = "mofa")
    public String organisation;

    @QueryParam("lang")
    @Parameter(description = "Only this language", example = "fr", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.LANGUAGE_TAG))
    public String lang;

    @QueryParam("country")
    @Parameter(description = "Only this target country: of the consumer for usage, of the story for content", example = "FR",
            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.COUNTRY))
    public String country;

    @QueryParam("topic")
    @Parameter(description = "Only stories with this topic", example = "economy", schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE))
    public String topic;

    @QueryParam("keyMessage")
    @Parameter(description = "Only stories carrying this key message", example = "flood-response",
            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE))
    public String keyMessage;

    @QueryParam("channel")
    @Parameter(description = "Usage reports only: one channel", example = "page-view",
            schema = @Schema(enumeration = {"page-view", "api-read", "sync", "feed", "webhook", "social", "short-link"}))
    public String channel;

    /** The filter, for the organisation the caller may see (null: every one). */
    public ReportFilter filter(String visibleOrganisation, LocalDate today) {
        return new ReportFilter(ReportPeriod.between(from, to, today, DEFAULT_DAYS), visibleOrganisation, lang, country, topic, keyMessage, channel);
    }
}
