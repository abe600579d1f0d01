package org.imagehub.console.stories;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.content.model.ContentModel;
import org.imagehub.content.model.ContentType;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.story.LocalizationInput;
import org.imagehub.content.story.LocalizationView;
import org.imagehub.content.story.NearDuplicateAnswers;
import org.imagehub.content.story.StoryService;
import org.imagehub.content.story.StoryView;
import org.imagehub.content.story.TranslationSource;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.content.workflow.TransitionRequest;
import org.imagehub.content.workflow.WorkflowAction;
import org.imagehub.content.workflow.WorkflowService;
import org.imagehub.content.workflow.WorkflowState;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.errors.StaleVersionException;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;

/**
 * One language of a story: edit or translate it side by side with its source (and what changed in the source since
 * the translation was made), and the workflow actions the signed-in person's role allows, decided by the same
 * {@link EditorialPolicy} the API enforces.
 */
@Path("/console/stories/{id}/{lang}")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class LocalizationPages {
    private final StoryService stories;
    private final WorkflowService workflow;
    private final NearDuplicateAnswers nearDuplicates;
    private final ContentModel model;
    private final ConsolePage page;
    private final StoryMediaService storyMedia;
    private final MediaLibrary library;
    private final Template editor;

    public LocalizationPages(StoryService stories, WorkflowService workflow, NearDuplicateAnswers nearDuplicates, ContentModel model, ConsolePage page,
            StoryMediaService storyMedia, MediaLibrary library, @Location("console/localization.html") Template editor) {
        this.stories = stories;
        this.workflow = workflow;
        this.nearDuplicates = nearDuplicates;
        this.model = model;
        this.page = page;
        this.storyMedia = storyMedia;
        this.library = library;
        this.editor = editor;
    }

    /** What the form shows: the saved values, or what the person typed when a save was refused. */
    public record Draft(String title, String summary, String body, String slug, String seoTitle, String seoDescription, long version) {
        static Draft of(LocalizationView view) {
            return view == null ? new Draft("", "", "", "", "", "", 0)
                    : new Draft(view.title(), ConsoleForms.orEmpty(view.summary()), ConsoleForms.orEmpty(view.body()), view.slug(),
                            ConsoleForms.orEmpty(view.seoTitle()), ConsoleForms.orEmpty(view.seoDescription()), view.version());
        }
    }

    /** With {@code saved=1} (where a save sends the browser): "Saved." and the near-duplicate check of the saved text. */
    @GET
    public TemplateInstance edit(@PathParam("id") String id, @PathParam("lang") String lang, @QueryParam("from") String from,
            @QueryParam("saved") String saved) {
        StoryView story = stories.get(id, page.actor());
        LocalizationView current = find(story, lang);
        if ("1".equals(saved) && current != null) {
            LocalizationView checked = nearDuplicates.withCheck(id, current);
            return editor(story, lang, checked, Draft.of(checked), source(story, checked, from), Map.of(), null, "saved", checked);
        }
        return editor(story, lang, current, Draft.of(current), source(story, current, from), Map.of(), null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, @PathParam("lang") String lang, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        StoryView story = stories.get(id, page.actor());
        ContentType type = model.type(story.type()).orElseThrow();
        LocalizationView current = find(story, lang);
        String from = ConsoleForms.text(values, "from");
        TranslationSource source = from == null ? null : new TranslationSource(from, null);
        LocalizationInput input = new LocalizationInput(null, ConsoleForms.text(values, "title"), ConsoleForms.text(values, "summary"),
                ConsoleForms.text(values, "body"), ConsoleForms.text(values, "slug"), ModelFields.parse(type.document().path("localizationFields"), values),
                ConsoleForms.text(values, "seoTitle"), ConsoleForms.text(values, "seoDescription"), source);
        long version = ConsoleForms.version(values);
        Draft typed = new Draft(ConsoleForms.orEmpty(input.title()), ConsoleForms.orEmpty(input.summary()), ConsoleForms.orEmpty(input.body()),
                ConsoleForms.orEmpty(input.slug()), ConsoleForms.orEmpty(input.seoTitle()), ConsoleForms.orEmpty(input.seoDescription()), version);
        try {
            stories.saveLocalization(id, lang, input, current == null ? null : EntityTags.of(version), page.actor());
            // A new request shows the result: this one's persistence context still holds the story as it was before the save.
            return ConsoleForms.redirect("/console/stories/" + id + "/" + lang + "?saved=1", htmx);
        } catch (StaleVersionException stale) {
            // Someone saved since this form was opened: keep what was typed, show theirs beside it, save nothing.
            return Response.ok(editor(story, lang, current, typed, source(story, current, from), Map.of(), stale.getMessage(), "stale", null)).build();
        } catch (DomainException problem) {
            return Response.ok(editor(story, lang, current, typed, source(story, current, from), ConsoleForms.fieldErrors(problem), problem.getMessage(),
                    null, null)).build();
        }
    }

    @POST
    @Path("workflow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("id") String id, @PathParam("lang") String lang, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        StoryView story = stories.get(id, page.actor());
        LocalizationView current = find(story, lang);
        try {
            TransitionRequest request = new TransitionRequest(values.get("action"), ConsoleForms.text(values, "comment"),
                    ConsoleForms.text(values, "publicReason"), ConsoleForms.instant(values, "at", page.locale().zone()));
            workflow.transition(id, lang, request, EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/stories/" + id + "/" + lang, htmx);
        } catch (DomainException problem) {
            return Response.ok(editor(story, lang, current, Draft.of(current), source(story, current, null), ConsoleForms.fieldErrors(problem),
                    problem.getMessage(), null, null)).build();
        }
    }

    private TemplateInstance editor(StoryView story, String lang, LocalizationView current, Draft draft, Source source, Map<String, String> errors,
            String problem, String outcome, LocalizationView saved) {
        ContentType type = model.type(story.type()).orElseThrow();
        JsonNode fields = current == null || current.fields() == null ? new ObjectMapper().createObjectNode() : current.fields();
        Actor actor = page.actor();
        return page.of(editor, "stories").data("story", story).data("storyLang", lang).data("current", current).data("draft", draft)
                .data("source", source).data("errors", errors).data("problem", problem).data("outcome", outcome)
                .data("similar", saved == null || saved.nearDuplicates() == null ? List.of() : saved.nearDuplicates().similar())
                .data("localizationFields", ModelFields.of(type.document().path("localizationFields"), type.document().path("display"), fields, errors,
                        "fields"))
                .data("actions", current == null ? List.of() : actions(actor, story, current))
                .data("history", current == null ? List.of() : workflow.history(story.id(), lang, actor))
                .data("rtl", current != null ? current.rtl() : isRightToLeft(lang))
                .data("infographic", "infographic".equals(story.type()) ? storyMedia.of(story.id()).stream()
                        .filter(item -> "infographic".equals(item.role()) && lang.equalsIgnoreCase(item.lang())).map(item -> library.get(item.assetId()))
                        .findFirst().orElse(null) : null)
                .data("images", "infographic".equals(story.type()) ? library.list(new MediaLibrary.Filter("image", null, null, null), null, 48).items()
                        : List.of());
    }

    /** The transitions this person may take on this localization now: the API's own policy, asked action by action. */
    private static List<String> actions(Actor actor, StoryView story, LocalizationView localization) {
        List<String> allowed = new ArrayList<>();
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action == WorkflowAction.EDIT) {
                continue;
            }
            EditorialPolicy.Decision decision = EditorialPolicy.decide(actor, story.organisation(), WorkflowState.of(localization.status()),
                    localization.publishedRevision() != null, "breaking".equals(story.priority()), action);
            if (decision.outcome() == EditorialPolicy.Outcome.ALLOWED) {
                allowed.add(action.code());
            }
        }
        return allowed;
    }

    /** The source a translation is made from, and what changed in it since the translation's revision. */
    public record Source(LocalizationView view, boolean outdated, List<FieldChange> changes) {
    }

    private Source source(StoryView story, LocalizationView current, String requested) {
        String from = requested != null ? requested : current != null && current.translation() != null ? current.translation().from() : null;
        if (from == null) {
            return null;
        }
        LocalizationView source = find(story, from);
        if (source == null) {
            return null;
        }
        boolean outdated = current != null && current.translation() != null && current.translation().outdated();
        List<FieldChange> changes = outdated
                ? stories.diff(story.id(), from, current.translation().revision(), current.translation().sourceRevision(), page.actor())
                : List.of();
        return new Source(source, outdated, changes);
    }

    private static LocalizationView find(StoryView story, String lang) {
        return story.localizations().stream().filter(l -> l.lang().equalsIgnoreCase(lang)).findFirst().orElse(null);
    }

    private static boolean isRightToLeft(String lang) {
        String base = lang.split("-")[0].toLowerCase(java.util.Locale.ROOT);
        return List.of("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb").contains(base);
    }



}
