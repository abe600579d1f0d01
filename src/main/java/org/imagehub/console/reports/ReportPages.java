package org.imagehub.console.reports;

import static org.imagehub.console.ConsoleForms.blankToNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagehub.analytics.CriteriaResource;
import org.imagehub.analytics.ReportResource;
import org.imagehub.analytics.report.ReportQuery;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.CsvTableWriter;
import org.imagehub.security.Roles;

/**
 * The effectiveness reports as charts (reach over time, key-message coverage heatmap, translation-speed distribution,
 * correction reach, the criteria scorecard) and their CSV downloads. The figures come from the report endpoints'
 * own methods, so who sees which organisation's figures is decided exactly as in the API.
 */
@Path("/console/reports")
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class ReportPages {
    private final ReportResource reports;
    private final CriteriaResource criteria;
    private final ConsolePage page;
    private final ObjectMapper json;
    private final Template template;

    public ReportPages(ReportResource reports, CriteriaResource criteria, ConsolePage page, ObjectMapper json,
            @Location("console/reports.html") Template template) {
        this.reports = reports;
        this.criteria = criteria;
        this.page = page;
        this.json = json;
        this.template = template;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reports(@BeanParam ReportQuery query) {
        normalize(query);
        Map<String, Object> data = new LinkedHashMap<>();
        String problem = null;
        try {
            data.put("reach", reports.reach(query, "day"));
            data.put("coverage", reports.coverage(query));
            data.put("translationSpeed", reports.translationSpeed(query));
            data.put("correctionReach", reports.correctionReach(query, null));
            data.put("scorecard", scorecard(query.organisation));
        } catch (DomainException e) {
            problem = e.getMessage();
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("from", query.from);
        filters.put("to", query.to);
        filters.put("organisation", query.organisation);
        filters.put("lang", query.lang);
        return page.of(template, "reports").data("query", query).data("csvQuery", ConsoleForms.query(filters)).data("problem", problem).data("figures", data)
                .data("chartData", chartData(data));
    }

    /** The same rows as {@code Accept: text/csv} on the API. */
    @GET
    @Path("{name}.csv")
    @Produces(CsvTableWriter.TEXT_CSV)
    public Response csv(@PathParam("name") String name, @BeanParam ReportQuery query) {
        normalize(query);
        Object report = switch (name) {
            case "reach" -> reports.reach(query, "day");
            case "key-message-coverage" -> reports.coverage(query);
            case "translation-speed" -> reports.translationSpeed(query);
            case "correction-reach" -> reports.correctionReach(query, null);
            case "scorecard" -> scorecard(query.organisation);
            default -> null;
        };
        if (report == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No report " + name).build();
        }
        return Response.ok(report, CsvTableWriter.TEXT_CSV).header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** A GET form sends every field: an empty one is no filter. */
    private static void normalize(ReportQuery query) {
        query.from = blankToNull(query.from);
        query.to = blankToNull(query.to);
        query.organisation = blankToNull(query.organisation);
        query.lang = blankToNull(query.lang);
        query.country = blankToNull(query.country);
        query.topic = blankToNull(query.topic);
        query.keyMessage = blankToNull(query.keyMessage);
        query.channel = blankToNull(query.channel);
    }

    /** The scorecard of the organisation asked for, else the person's own; none when it has no criteria set. */
    private Object scorecard(String organisation) {
        try {
            return criteria.scorecard(organisation == null || organisation.isBlank() ? page.actor().organisation() : organisation, null);
        } catch (DomainException noCriteria) {
            return null;
        }
    }

    /**
     * The figures as JSON for the chart script, in a data block ({@code type="application/json"}: never run, so the
     * Content-Security-Policy stays without inline script). "<" is escaped so no text can close the element.
     */
    private String chartData(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
