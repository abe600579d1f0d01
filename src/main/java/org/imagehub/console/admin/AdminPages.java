package org.imagehub.console.admin;

import static org.imagehub.console.ConsoleForms.blankToNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.delivery.webhooks.WebhookLog;
import org.imagehub.delivery.webhooks.WebhookSubscriptions;
import org.imagehub.distribution.ParkedEvents;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.search.SearchAdminResource;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Roles;
import org.imagehub.security.audit.AuditQuery;
import org.imagehub.security.audit.AuditReader;
import org.imagehub.security.consumer.ConsumerService;
import org.imagehub.security.consumer.IssuedKey;
import org.imagehub.security.consumer.KeyRequest;
import org.imagehub.security.organisation.OrganisationInput;
import org.imagehub.security.organisation.OrganisationService;

/**
 * Administration: organisations, consumers and their keys (a new key shown once, with a copy button), their webhooks with the
 * delivery log and replay, parked outbox events with replay, and the audit log with filters. Admins only, as the
 * management API's admin resources; every action goes through the same services, which audit it.
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {
    /** As OrganisationInput documents them. */
    private static final List<String> ORGANISATION_KINDS = List.of("ministry", "province", "embassy", "news-agency", "partner-outlet");

    private final ConsumerService consumers;
    private final WebhookSubscriptions webhooks;
    private final WebhookLog webhookLog;
    private final ParkedEvents parked;
    private final AuditReader audit;
    private final OrganisationService organisations;
    private final Template organisationsPage;
    private final SearchAdminResource searchAdmin;
    private final Template reindexResult;
    private final ConsolePage page;
    private final ObjectMapper json;
    private final Template consumersPage;
    private final Template consumerPage;
    private final Template outboxPage;
    private final Template auditPage;

    public AdminPages(ConsumerService consumers, WebhookSubscriptions webhooks, WebhookLog webhookLog, ParkedEvents parked, AuditReader audit,
            OrganisationService organisations, SearchAdminResource searchAdmin, @Location("console/reindex-result.html") Template reindexResult,
            ConsolePage page, ObjectMapper json, @Location("console/admin-organisations.html") Template organisationsPage, @Location("console/admin-consumers.html") Template consumersPage,
            @Location("console/admin-consumer.html") Template consumerPage, @Location("console/admin-outbox.html") Template outboxPage,
            @Location("console/admin-audit.html") Template auditPage) {
        this.consumers = consumers;
        this.webhooks = webhooks;
        this.webhookLog = webhookLog;
        this.parked = parked;
        this.audit = audit;
        this.organisations = organisations;
        this.organisationsPage = organisationsPage;
        this.searchAdmin = searchAdmin;
        this.reindexResult = reindexResult;
        this.page = page;
        this.json = json;
        this.consumersPage = consumersPage;
        this.consumerPage = consumerPage;
        this.outboxPage = outboxPage;
        this.auditPage = auditPage;
    }

    @GET
    public TemplateInstance consumers() {
        return page.of(consumersPage, "admin").data("consumers", consumers.all());
    }

    @GET
    @Path("consumers/{id}")
    public TemplateInstance consumer(@PathParam("id") String id) {
        return consumerPage(id, null, null);
    }

    /** A new key: its secret is in this answer only (the hub keeps a hash), shown once with a copy button. */
    @POST
    @Path("consumers/{id}/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueKey(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = ConsoleForms.values(form);
        try {
            Instant expiresAt = values.get("expiresAt") == null || values.get("expiresAt").isBlank() ? null
                    : ConsoleForms.instant(values, "expiresAt", page.locale().zone());
            String body = consumers.issueKey(id, new KeyRequest(expiresAt), page.actor(), ConsoleForms.text(values, "idempotencyKey")).body();
            IssuedKey issued = json.readValue(body, IssuedKey.class);
            return Response.ok(consumerPage(id, issued, null)).header("Cache-Control", "no-store").build();
        } catch (DomainException problem) {
            return Response.ok(consumerPage(id, null, problem.getMessage())).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("consumers/{id}/keys/{keyId}/revoke")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId, @HeaderParam("HX-Request") String htmx) {
        try {
            consumers.revokeKey(id, keyId, page.actor());
            return ConsoleForms.redirect("/console/admin/consumers/" + id, htmx);
        } catch (DomainException problem) {
            return Response.ok(consumerPage(id, null, problem.getMessage())).build();
        }
    }

    @POST
    @Path("consumers/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/replay")
    public Response replayDelivery(@PathParam("id") String id, @PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId,
            @HeaderParam("HX-Request") String htmx) {
        try {
            webhookLog.replayOne(id, webhookId, deliveryId, page.actor());
            return ConsoleForms.redirect("/console/admin/consumers/" + id + "?webhook=" + webhookId, htmx);
        } catch (DomainException problem) {
            return Response.ok(consumerPage(id, null, problem.getMessage())).build();
        }
    }

    @GET
    @Path("organisations")
    public TemplateInstance organisations() {
        return page.of(organisationsPage, "admin").data("organisations", organisations.all()).data("kinds", ORGANISATION_KINDS).data("problem", null)
                .data("uuid", java.util.UUID.randomUUID().toString());
    }

    /** Creates the organisation, or changes it (If-Match with the version the form showed). */
    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveOrganisation(MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        String code = values.getOrDefault("code", "").strip();
        String version = ConsoleForms.text(values, "version");
        try {
            organisations.save(code, new OrganisationInput(ConsoleForms.text(values, "name"), ConsoleForms.text(values, "kind"), values.containsKey("central")),
                    version == null ? null : EntityTags.of(ConsoleForms.version(values)), ConsoleForms.text(values, "idempotencyKey"), page.actor());
            return ConsoleForms.redirect("/console/admin/organisations", htmx);
        } catch (DomainException problem) {
            return Response.ok(page.of(organisationsPage, "admin").data("organisations", organisations.all()).data("kinds", ORGANISATION_KINDS).data("problem", problem.getMessage())
                    .data("uuid", java.util.UUID.randomUUID().toString())).build();
        }
    }

    @GET
    @Path("outbox")
    public TemplateInstance outbox(@QueryParam("handler") String handler, @QueryParam("cursor") String cursor) {
        return page.of(outboxPage, "admin").data("handlers", parked.handlers())
                .data("parked", parked.parked(blankToNull(handler), cursor, 50))
                .data("handler", handler == null ? "" : handler).data("problem", null);
    }

    @POST
    @Path("outbox/{handler}/{eventId}/replay")
    public Response replayEvent(@PathParam("handler") String handler, @PathParam("eventId") long eventId, @HeaderParam("HX-Request") String htmx) {
        try {
            parked.replayOne(handler, eventId, page.actor());
            return ConsoleForms.redirect("/console/admin/outbox", htmx);
        } catch (DomainException problem) {
            return Response.ok(page.of(outboxPage, "admin").data("handlers", parked.handlers()).data("parked", parked.parked(null, null, 50))
                    .data("handler", "").data("problem", problem.getMessage())).build();
        }
    }

    /** Rebuilds the search index without downtime (the API's reindex); the page shows progress until it answers. */
    @POST
    @Path("search-index/reindex")
    public TemplateInstance reindex() {
        try {
            return reindexResult.data("result", searchAdmin.reindex()).data("problem", null);
        } catch (DomainException problem) {
            return reindexResult.data("result", null).data("problem", problem.getMessage());
        }
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation, @QueryParam("action") String action,
            @QueryParam("targetId") String targetId, @QueryParam("since") String since, @QueryParam("cursor") String cursor) {
        Instant from = null;
        String problem = null;
        try {
            from = since == null || since.isBlank() ? null : java.time.LocalDate.parse(since).atStartOfDay(page.locale().zone()).toInstant();
        } catch (DateTimeParseException e) {
            problem = "since: a date (yyyy-mm-dd)";
        }
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(organisation), blankToNull(action), blankToNull(targetId), from, null);
        return page.of(auditPage, "admin").data("entries", audit.read(query, cursor, 50)).data("problem", problem)
                .data("filter", Map.of("actor", ConsoleForms.orEmpty(actor), "organisation", ConsoleForms.orEmpty(organisation), "action", ConsoleForms.orEmpty(action),
                        "targetId", ConsoleForms.orEmpty(targetId), "since", ConsoleForms.orEmpty(since)));
    }

    private TemplateInstance consumerPage(String id, IssuedKey issued, String problem) {
        return page.of(consumerPage, "admin").data("consumer", consumers.get(id)).data("keys", consumers.keys(id)).data("issued", issued)
                .data("problem", problem).data("webhooks", webhooks.list(id))
                .data("deliveries", webhooks.list(id).stream().collect(java.util.stream.Collectors.toMap(
                        hook -> hook.id(), hook -> webhookLog.deliveries(id, hook.id(), null, null, 20).items())))
                .data("uuid", java.util.UUID.randomUUID().toString());
    }
}
