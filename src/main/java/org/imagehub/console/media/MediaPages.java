package org.imagehub.console.media;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.console.ConsoleForms;
import org.imagehub.console.ConsolePage;
import org.imagehub.content.media.StoryMediaItem;
import org.imagehub.content.media.StoryMediaService;
import org.imagehub.media.asset.FocalPoint;
import org.imagehub.media.asset.LocalizedText;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaInput;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.media.asset.MediaUploads;
import org.imagehub.media.asset.RequestUploads;
import org.imagehub.media.serving.MediaFileResource;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Roles;

/**
 * The media library: upload (streamed and sniffed by the same receiver as the API, with progress in the page), the
 * assets newest first, and one asset's credit, licence, focal point and caption and alt text per language.
 */
@Path("/console/media")
@RolesAllowed({Roles.CONTRIBUTOR, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class MediaPages {
    /** The languages whose caption and alt text the form always offers, besides those the asset already has. */
    private static final List<String> LANGUAGES = List.of("vi", "en", "fr", "zh-Hans", "uk");

    private final MediaLibrary library;
    private final RequestUploads uploads;
    private final MediaFileResource files;
    private final StoryMediaService storyMedia;
    private final CurrentVertxRequest vertxRequest;
    private final ConsolePage page;
    private final Template list;
    private final Template asset;

    public MediaPages(MediaLibrary library, RequestUploads uploads, MediaFileResource files, StoryMediaService storyMedia, CurrentVertxRequest vertxRequest,
            ConsolePage page, @Location("console/media.html") Template list, @Location("console/media-asset.html") Template asset) {
        this.library = library;
        this.uploads = uploads;
        this.files = files;
        this.storyMedia = storyMedia;
        this.vertxRequest = vertxRequest;
        this.page = page;
        this.list = list;
        this.asset = asset;
    }

    @GET
    public TemplateInstance library(@QueryParam("cursor") String cursor) {
        page.actor();
        return page.of(list, "media").data("assets", library.list(new MediaLibrary.Filter(null, null, null, null), cursor, 48)).data("problem", null);
    }

    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @HeaderParam("HX-Request") String htmx) {
        try {
            MediaUploads.Uploaded uploaded = uploads.upload(body, contentType, vertxRequest.getCurrent(), page.actor());
            return ConsoleForms.redirect("/console/media/" + uploaded.asset().id(), htmx);
        } catch (DomainException problem) {
            return Response.ok(page.of(list, "media").data("assets", library.list(new MediaLibrary.Filter(null, null, null, null), null, 48))
                    .data("problem", problem.getMessage())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance asset(@PathParam("id") String id) {
        return assetPage(library.get(id), Map.of(), null, null);
    }

    @RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        Map<String, String> values = ConsoleForms.values(form);
        MediaAssetView current = library.get(id);
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        for (String lang : languages(current)) {
            String caption = ConsoleForms.text(values, "caption." + lang);
            String alt = ConsoleForms.text(values, "alt." + lang);
            if (caption != null || alt != null) {
                texts.put(lang, new LocalizedText(caption, alt));
            }
        }
        FocalPoint focal = new FocalPoint(number(values.get("focalX")), number(values.get("focalY")));
        MediaInput input = new MediaInput(ConsoleForms.text(values, "credit"), ConsoleForms.text(values, "licence"), ConsoleForms.text(values, "copyright"),
                focal.x() == null && focal.y() == null ? null : focal, texts, current.posterId());
        try {
            library.update(id, input, EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect("/console/media/" + id + "?saved=1", htmx);
        } catch (DomainException problem) {
            return Response.ok(assetPage(current, ConsoleForms.fieldErrors(problem), problem.getMessage(), values)).build();
        }
    }

    /** The story's lead image (the other media it uses stay as they are); blank: none. */
    @POST
    @Path("lead/{storyId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setLead(@PathParam("storyId") String storyId, MultivaluedMap<String, String> form, @HeaderParam("HX-Request") String htmx) {
        return replaceOne(storyId, "lead", null, ConsoleForms.values(form), "/console/stories/" + storyId, htmx);
    }

    /** An infographic's image for one language (each language shows its own); blank: none for that language. */
    @POST
    @Path("infographic/{storyId}/{lang}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setInfographic(@PathParam("storyId") String storyId, @PathParam("lang") String lang, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        return replaceOne(storyId, "infographic", lang, ConsoleForms.values(form), "/console/stories/" + storyId + "/" + lang, htmx);
    }

    /** The story's media with the one item of this role (and language) replaced, the others kept in their order. */
    private Response replaceOne(String storyId, String role, String lang, Map<String, String> values, String back, String htmx) {
        List<StoryMediaItem> items = new java.util.ArrayList<>(storyMedia.of(storyId).stream()
                .filter(item -> !(role.equals(item.role()) && java.util.Objects.equals(lang, item.lang()))).toList());
        String assetId = ConsoleForms.text(values, "assetId");
        if (assetId != null) {
            items.add("lead".equals(role) ? 0 : items.size(), new StoryMediaItem(assetId, role, lang));
        }
        try {
            storyMedia.replace(storyId, items, EntityTags.of(ConsoleForms.version(values)), page.actor());
            return ConsoleForms.redirect(back, htmx);
        } catch (DomainException problem) {
            return Response.ok(page.of(list, "media").data("assets", library.list(new MediaLibrary.Filter(null, null, null, null), null, 48))
                    .data("problem", problem.getMessage())).build();
        }
    }

    /** A preview of any file of an asset, for signed-in people (the public path serves published assets only). */
    @GET
    @Path("{id}/{file}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") String id, @PathParam("file") String file, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        page.actor();
        return files.file(id, file, ifNoneMatch, null, null);
    }

    private TemplateInstance assetPage(MediaAssetView view, Map<String, String> errors, String problem, Map<String, String> typed) {
        // What the form shows: the stored values, or what was typed when a save was refused.
        Map<String, String> shown = new java.util.HashMap<>();
        shown.put("credit", ConsoleForms.orEmpty(view.credit()));
        shown.put("licence", ConsoleForms.orEmpty(view.licence()));
        shown.put("copyright", ConsoleForms.orEmpty(view.copyright()));
        shown.put("version", String.valueOf(view.version()));
        for (String lang : languages(view)) {
            LocalizedText text = view.texts() == null ? null : view.texts().get(lang);
            shown.put("caption." + lang, text == null ? "" : ConsoleForms.orEmpty(text.caption()));
            shown.put("alt." + lang, text == null ? "" : ConsoleForms.orEmpty(text.altText()));
        }
        if (typed != null) {
            shown.putAll(typed);
        }
        return page.of(asset, "media").data("asset", view).data("languages", languages(view)).data("errors", errors).data("problem", problem)
                .data("shown", shown);
    }

    private static Set<String> languages(MediaAssetView view) {
        Set<String> languages = new LinkedHashSet<>(LANGUAGES);
        if (view.texts() != null) {
            languages.addAll(view.texts().keySet());
        }
        return languages;
    }

    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
