package org.imagehub.console.stories;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
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
import java.util.function.Function;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.revision.RevisionView;
import org.imagehub.content.story.LocalizationView;
import org.imagehub.content.story.StoryService;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Roles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/** A localization's revisions: the list, a word-by-word visual diff of any two, and restoring one (as a new revision). */
@Path("/console/revisions/{id}/{lang}")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class RevisionPages {
    /** One field of the diff: the old and the new text, HTML-escaped (jsoup), with the changed words in del and ins. */
    public record FieldDiff(String field, String before, String after, boolean changed) {
    }

    // Words are compared on the raw text with private-use characters marking the changes; the result is escaped as a whole
    // and only then do the marks become <del>/<ins>, so an entity is never cut in two and no text becomes markup.
    private static final String OPEN_DEL = "\uE001";
    private static final String CLOSE_DEL = "\uE002";
    private static final String OPEN_INS = "\uE003";
    private static final String CLOSE_INS = "\uE004";
    private static final DiffRowGenerator WORDS = DiffRowGenerator.create().showInlineDiffs(true).inlineDiffByWord(true).mergeOriginalRevised(false)
            .lineNormalizer(text -> text).oldTag(start -> start ? OPEN_DEL : CLOSE_DEL).newTag(start -> start ? OPEN_INS : CLOSE_INS).build();

    private final StoryService stories;
    private final ConsolePage page;
    private final Template template;

    public RevisionPages(StoryService stories, ConsolePage page, @Location("console/revisions.html") Template template) {
        this.stories = stories;
        this.page = page;
        this.template = template;
    }

    @GET
    public TemplateInstance revisions(@PathParam("id") String id, @PathParam("lang") String lang, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        return render(id, lang, from, to, null);
    }

    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") String id, @PathParam("lang") String lang, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        try {
            int number = Integer.parseInt(values.getOrDefault("number", "0").strip());
            stories.restore(id, lang, number, EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/stories/" + id + "/" + lang + "?saved=1", htmx);
        } catch (NumberFormatException e) {
            return Response.ok(render(id, lang, null, null, "number: a revision number")).build();
        } catch (DomainException problem) {
            return Response.ok(render(id, lang, null, null, problem.getMessage())).build();
        }
    }

    private TemplateInstance render(String id, String lang, Integer from, Integer to, String problem) {
        List<RevisionView> revisions = stories.revisions(id, lang, page.actor());
        LocalizationView current = stories.getLocalization(id, lang, page.actor());
        int last = revisions.stream().mapToInt(RevisionView::number).max().orElse(0);
        int newer = to == null ? last : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        RevisionView before = find(revisions, older);
        RevisionView after = find(revisions, newer);
        List<FieldDiff> diff = before == null || after == null ? List.of() : diff(before, after);
        return page.of(template, "stories").data("storyId", id).data("storyLang", lang).data("revisions", revisions).data("current", current)
                .data("from", older).data("to", newer).data("diff", diff).data("problem", problem);
    }

    private static RevisionView find(List<RevisionView> revisions, int number) {
        return revisions.stream().filter(revision -> revision.number() == number).findFirst().orElse(null);
    }

    static List<FieldDiff> diff(RevisionView before, RevisionView after) {
        List<FieldDiff> fields = new ArrayList<>();
        add(fields, "title", before, after, RevisionView::title);
        add(fields, "summary", before, after, RevisionView::summary);
        add(fields, "body", before, after, revision -> revision.body() == null ? null : Jsoup.parse(revision.body()).text());
        add(fields, "slug", before, after, RevisionView::slug);
        add(fields, "seoTitle", before, after, RevisionView::seoTitle);
        add(fields, "seoDescription", before, after, RevisionView::seoDescription);
        add(fields, "fields", before, after, RevisionView::fields);
        return fields;
    }

    private static void add(List<FieldDiff> fields, String name, RevisionView before, RevisionView after, Function<RevisionView, String> value) {
        String old = plain(value.apply(before));
        String now = plain(value.apply(after));
        List<DiffRow> rows = WORDS.generateDiffRows(List.of(old), List.of(now));
        fields.add(new FieldDiff(name, marked(rows.get(0).getOldLine()), marked(rows.get(0).getNewLine()), !old.equals(now)));
    }

    /** The text on one line, without the private-use characters the marks use. */
    private static String plain(String text) {
        return text == null ? "" : text.replaceAll("[\\uE001-\\uE004]", "").replace('\n', ' ').replace('\r', ' ');
    }

    private static String marked(String line) {
        return Entities.escape(line).replace(OPEN_DEL, "<del>").replace(CLOSE_DEL, "</del>").replace(OPEN_INS, "<ins>").replace(CLOSE_INS, "</ins>");
    }
}
