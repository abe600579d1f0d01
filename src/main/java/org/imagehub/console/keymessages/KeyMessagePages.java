package org.imagehub.console.keymessages;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.keymessage.KeyMessageCoverage;
import org.imagehub.content.keymessage.KeyMessageInput;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.content.keymessage.KeyMessageView;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Roles;

/**
 * Key messages: their texts per language, editing the translations (approvers, as in the API), and the coverage
 * matrix — for each active message, the languages in which published content carries it.
 */
@Path("/console/key-messages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class KeyMessagePages {
    private static final List<String> LANGUAGES = List.of("vi", "en", "fr", "zh-Hans", "uk");

    private final KeyMessageService keyMessages;
    private final ConsolePage page;
    private final Template list;
    private final Template edit;

    public KeyMessagePages(KeyMessageService keyMessages, ConsolePage page, @Location("console/key-messages.html") Template list,
            @Location("console/key-message.html") Template edit) {
        this.keyMessages = keyMessages;
        this.page = page;
        this.list = list;
        this.edit = edit;
    }

    /** One row of the matrix: the message, and per language whether published content carries it. */
    public record CoverageRow(String code, int publishedStories, Map<String, Boolean> covered) {
    }

    @GET
    public TemplateInstance list() {
        List<KeyMessageView> messages = keyMessages.list(false);
        Set<String> languages = new LinkedHashSet<>(LANGUAGES);
        messages.forEach(message -> languages.addAll(message.translations().keySet()));
        List<CoverageRow> rows = keyMessages.coverage().stream().map(coverage -> row(coverage, languages)).toList();
        return page.of(list, "key-messages").data("messages", messages).data("languages", languages).data("coverage", rows);
    }

    @GET
    @Path("{code}")
    public TemplateInstance message(@PathParam("code") String code) {
        return editPage(keyMessages.get(code), null);
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    public Response update(@PathParam("code") String code, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        KeyMessageView current = keyMessages.get(code);
        Map<String, String> translations = new LinkedHashMap<>();
        for (String lang : languages(current)) {
            String text = ConsoleForms.text(values, "text." + lang);
            if (text != null) {
                translations.put(lang, text);
            }
        }
        try {
            keyMessages.update(code, new KeyMessageInput(code, current.owner(), current.validFrom(), current.validUntil(), translations),
                    EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/key-messages", htmx);
        } catch (DomainException problem) {
            return Response.ok(editPage(new KeyMessageView(current.code(), current.owner(), current.validFrom(), current.validUntil(), translations,
                    current.active(), ConsoleForms.version(values)), problem.getMessage())).build();
        }
    }

    private TemplateInstance editPage(KeyMessageView message, String problem) {
        return page.of(edit, "key-messages").data("message", message).data("languages", languages(message)).data("problem", problem);
    }

    private static Set<String> languages(KeyMessageView message) {
        Set<String> languages = new LinkedHashSet<>(LANGUAGES);
        languages.addAll(message.translations().keySet());
        return languages;
    }

    private static CoverageRow row(KeyMessageCoverage coverage, Set<String> languages) {
        Map<String, Boolean> covered = new LinkedHashMap<>();
        for (String lang : languages) {
            covered.put(lang, coverage.languagesWithContent().contains(lang));
        }
        return new CoverageRow(coverage.code(), coverage.publishedStories(), covered);
    }
}
