package org.imagehub.console.stories;

import static org.imagehub.console.ConsoleForms.blankToNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.media.StoryMediaItem;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.content.model.ContentModel;
import org.imagehub.content.model.ContentType;
import org.imagehub.content.story.LocalizationInput;
import org.imagehub.content.story.StoryInput;
import org.imagehub.content.story.StoryService;
import org.imagehub.content.story.StoryView;
import org.imagehub.content.workflow.BulkPublishResource;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.search.ManageSearchResource;
import org.imagehub.search.SearchPage;
import org.imagehub.security.Roles;

/** The story list (the editors' search with its facets), a new story, and a story's own attributes. */
@Path("/console/stories")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class StoryPages {
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private final StoryService stories;
    private final ContentModel model;
    private final ManageSearchResource search;
    private final ConsolePage page;
    private final StoryMediaService storyMedia;
    private final MediaLibrary library;
    private final BulkPublishResource bulkPublish;
    private final Template bulkResult;
    private final Template list;
    private final Template create;
    private final Template story;

    public StoryPages(StoryService stories, ContentModel model, ManageSearchResource search, ConsolePage page, StoryMediaService storyMedia,
            MediaLibrary library, BulkPublishResource bulkPublish, @Location("console/bulk-result.html") Template bulkResult,
            @Location("console/stories.html") Template list, @Location("console/story-new.html") Template create,
            @Location("console/story.html") Template story) {
        this.stories = stories;
        this.model = model;
        this.search = search;
        this.page = page;
        this.storyMedia = storyMedia;
        this.library = library;
        this.bulkPublish = bulkPublish;
        this.bulkResult = bulkResult;
        this.list = list;
        this.create = create;
        this.story = story;
    }

    @GET
    public TemplateInstance list(@Context UriInfo uri, @QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("lang") String lang,
            @QueryParam("state") String state, @QueryParam("organisation") String organisation, @QueryParam("topic") String topic,
            @QueryParam("cursor") String cursor) {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("q", q);
        filters.put("type", type);
        filters.put("state", state);
        filters.put("lang", lang);
        filters.put("topic", topic);
        filters.put("organisation", organisation);
        TemplateInstance view = page.of(list, "stories").data("types", model.types()).data("filterQuery", ConsoleForms.query(filters))
                .data("states", java.util.Arrays.stream(org.imagehub.content.workflow.WorkflowState.values()).map(org.imagehub.content.workflow.WorkflowState::code).toList())
                .data("filter", Map.of("q", ConsoleForms.orEmpty(q), "type", ConsoleForms.orEmpty(type), "lang", ConsoleForms.orEmpty(lang),
                        "state", ConsoleForms.orEmpty(state), "organisation", ConsoleForms.orEmpty(organisation), "topic", ConsoleForms.orEmpty(topic)));
        try {
            // The management search itself: the same visibility rules, filters, facets and cursor as the API's.
            SearchPage results = search.search(uri, blankToNull(q), null, blankToNull(lang), blankToNull(type), blankToNull(topic), null, null, blankToNull(organisation), blankToNull(state),
                    null, null, q == null || q.isBlank() ? "date" : "relevance", blankToNull(cursor), null);
            return view.data("results", results).data("problem", null);
        } catch (DomainException problem) {
            return view.data("results", null).data("problem", problem.getMessage());
        }
    }

    @GET
    @Path("new")
    public TemplateInstance newStory(@QueryParam("type") String type) {
        ContentType chosen = model.type(type == null ? "article" : type).orElseGet(() -> model.types().iterator().next());
        return newForm(chosen, Map.of("lang", "vi"), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        ContentType type = model.type(values.getOrDefault("type", "")).orElseThrow(() -> new NotFoundException("No content type " + values.get("type")));
        LocalizationInput first = new LocalizationInput(ConsoleForms.text(values, "lang"), ConsoleForms.text(values, "title"),
                ConsoleForms.text(values, "summary"), ConsoleForms.text(values, "body"), ConsoleForms.text(values, "slug"),
                ModelFields.parse(type.document().path("localizationFields"), values), ConsoleForms.text(values, "seoTitle"),
                ConsoleForms.text(values, "seoDescription"), null);
        StoryInput input = attributes(type, values, List.of(first), null);
        try {
            var created = stories.create(input, page.actor(), ConsoleForms.text(values, "idempotencyKey"));
            String id = created.location().substring(created.location().lastIndexOf('/') + 1);
            return ConsoleForms.redirect("/console/stories/" + id + "/" + first.lang(), htmx);
        } catch (DomainException problem) {
            return Response.ok(newForm(type, values, ConsoleForms.fieldErrors(problem), problem.getMessage())).build();
        }
    }

    /** Publishes every draft language of the chosen stories, through the API's bulk publication (approvers, as there). */
    @POST
    @Path("publish-drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    public TemplateInstance publishDrafts(MultivaluedMap<String, String> form) {
        List<String> ids = form.getOrDefault("storyId", List.of()).stream().distinct().toList();
        try {
            return bulkResult.data("result", bulkPublish.publishDrafts(new BulkPublishResource.Request(ids))).data("problem", null);
        } catch (DomainException problem) {
            return bulkResult.data("result", null).data("problem", problem.getMessage());
        }
    }

    /** The story's languages and attributes; with {@code translate} (the "add a language" form): that language's editor. */
    @GET
    @Path("{id}")
    public Response story(@PathParam("id") String id, @QueryParam("translate") String translate, @QueryParam("from") String from) {
        StoryView view = stories.get(id, page.actor());
        if (translate != null && LANGUAGE.matcher(translate.strip()).matches()) {
            String source = from != null && LANGUAGE.matcher(from).matches() ? "?from=" + from : "";
            return Response.seeOther(java.net.URI.create("/console/stories/" + id + "/" + translate.strip() + source)).build();
        }
        return Response.ok(storyPage(view, Map.of(), null)).build();
    }

    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAttributes(@PathParam("id") String id, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        StoryView current = stories.get(id, page.actor());
        ContentType type = model.type(current.type()).orElseThrow();
        try {
            stories.updateAttributes(id, attributes(type, values, null, current), EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/stories/" + id, htmx);
        } catch (DomainException problem) {
            return Response.ok(storyPage(current, ConsoleForms.fieldErrors(problem), problem.getMessage()).data("attributeValues", values)).build();
        }
    }

    /** The form's attributes; what the form does not show (external id, rights) is kept from {@code current}. */
    private StoryInput attributes(ContentType type, Map<String, String> values, List<LocalizationInput> localizations, StoryView current) {
        return new StoryInput(current == null ? null : current.externalId(), type.type(), ConsoleForms.text(values, "organisation"), values.getOrDefault("priority", "normal"),
                ConsoleForms.list(values, "topics"), ConsoleForms.list(values, "countries"), ConsoleForms.list(values, "tags"),
                ConsoleForms.list(values, "keyMessages"), current == null ? null : current.rights(), ModelFields.parse(type.document().path("storyFields"), values),
                ConsoleForms.instant(values, "embargoUntil", page.locale().zone()), ConsoleForms.instant(values, "expiresAt", page.locale().zone()),
                localizations, ConsoleForms.text(values, "reason"));
    }

    private TemplateInstance newForm(ContentType type, Map<String, String> values, Map<String, String> errors, String problem) {
        JsonNode typed = new ObjectMapper().valueToTree(fieldValues(values));
        // Every input the form shows has a value (strict templates): blank unless typed.
        Map<String, String> shown = new java.util.HashMap<>();
        for (String name : List.of("lang", "title", "summary", "body", "slug", "seoTitle", "seoDescription", "priority", "topics", "countries",
                "keyMessages", "tags", "embargoUntil", "expiresAt", "idempotencyKey")) {
            shown.put(name, "");
        }
        shown.putAll(values);
        return page.of(create, "new").data("uuid", java.util.UUID.randomUUID().toString()).data("types", model.types()).data("type", type).data("values", shown).data("errors", errors)
                .data("problem", problem)
                .data("storyFields", ModelFields.of(type.document().path("storyFields"), type.document().path("display"), typed, errors, "fields"))
                .data("localizationFields", ModelFields.of(type.document().path("localizationFields"), type.document().path("display"), typed,
                        errors, "localizations[0].fields"));
    }

    private TemplateInstance storyPage(StoryView view, Map<String, String> errors, String problem) {
        ContentType type = model.type(view.type()).orElseThrow();
        JsonNode fields = view.fields() == null ? JsonNodeFactory.instance.objectNode() : view.fields();
        String leadId = storyMedia.of(view.id()).stream().filter(item -> "lead".equals(item.role())).map(StoryMediaItem::assetId).findFirst()
                .orElse(null);
        return page.of(story, "stories").data("story", view).data("lead", leadId == null ? null : library.get(leadId))
                .data("images", library.list(new MediaLibrary.Filter("image", null, null, null), null, 48).items()).data("type", type).data("errors", errors).data("problem", problem)
                .data("storyFields", ModelFields.of(type.document().path("storyFields"), type.document().path("display"), fields, errors, "fields"))
                .data("attributeValues", Map.of("priority", ConsoleForms.orEmpty(view.priority()), "topics", String.join(",", view.topics()),
                        "countries", String.join(",", view.countries()), "keyMessages", String.join(",", view.keyMessages()),
                        "tags", String.join(",", view.tags()), "embargoUntil", local(view.embargoUntil()), "expiresAt", local(view.expiresAt())));
    }

    private String local(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(page.locale().zone()).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    /** {@code field.x} inputs of a re-shown form, keyed by the field's own name. */
    private static Map<String, String> fieldValues(Map<String, String> values) {
        Map<String, String> fields = new java.util.HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith("field.")) {
                fields.put(name.substring("field.".length()), value);
            }
        });
        return fields;
    }
}
