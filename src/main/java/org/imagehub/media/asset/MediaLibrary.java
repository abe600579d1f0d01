package org.imagehub.media.asset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imagehub.media.events.AssetDeleted;
import org.imagehub.media.events.AssetUpdated;
import org.imagehub.media.events.MediaChanges;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;
import org.imagehub.security.audit.AuditLog;

/**
 * The media library: the one service other features use for assets (by id, as {@link MediaAssetView}s), and the
 * editors' list, metadata edits and deletes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MediaLibrary {
    static final int TEXT_MAX = 200;
    static final int CAPTION_MAX = 1000;
    static final int ALT_TEXT_MAX = 500;

    private final EntityManager entityManager;
    private final MediaViews views;
    private final MediaChanges changes;
    private final Cursors cursors;
    private final Instance<AssetReferences> references;
    private final Clock clock;

    public MediaLibrary(EntityManager entityManager, MediaViews views, MediaChanges changes, Cursors cursors,
            Instance<AssetReferences> references, Clock clock) {
        this.entityManager = entityManager;
        this.views = views;
        this.changes = changes;
        this.cursors = cursors;
        this.references = references;
        this.clock = clock;
    }

    public record Page(List<MediaAssetView> items, String next) {
    }

    /** Filters of the library list; null means any. {@code missingAltText}: assets without alt text in that language. */
    public record Filter(String kind, String organisation, String renditions, String missingAltText) {
    }

    public MediaAssetView get(String id) {
        return views.view(find(id));
    }

    /** The assets among {@code ids} that exist, by id (for content and delivery, which hold asset ids). */
    public Map<String, MediaAssetView> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return MediaAsset.<MediaAsset>list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(asset -> asset.id, views::view));
    }

    public Page list(Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select id from media_asset where true");
        List<Object> parameters = new ArrayList<>();
        if (filter.kind() != null) {
            parameters.add(filter.kind());
            sql.append(" and kind = ?").append(parameters.size());
        }
        if (filter.organisation() != null) {
            parameters.add(filter.organisation());
            sql.append(" and organisation = ?").append(parameters.size());
        }
        if (filter.renditions() != null) {
            parameters.add(filter.renditions());
            sql.append(" and renditions_status = ?").append(parameters.size());
        }
        if (filter.missingAltText() != null) {
            parameters.add(LanguageTags.canonical(filter.missingAltText(), "query.missingAltText"));
            sql.append(" and coalesce(texts -> ?").append(parameters.size()).append(" ->> 'altText', '') = ''");
        }
        if (cursor != null) {
            String[] after = cursors.decode(cursor, "media", "cursor");
            if (after.length != 2) {
                throw ValidationException.of("query.cursor", "invalid-cursor", "pass back the value exactly as received");
            }
            parameters.add(java.sql.Timestamp.from(Instant.parse(after[0])));
            parameters.add(after[1]);
            sql.append(" and (created_at, id) < (?").append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit + 1);
        @SuppressWarnings("unchecked")
        List<String> ids = NativeSql.bind(entityManager.createNativeQuery(sql.toString()), parameters.toArray()).getResultList();
        boolean more = ids.size() > limit;
        List<String> page = more ? ids.subList(0, limit) : ids;
        Map<String, MediaAsset> assets = page.isEmpty() ? Map.of()
                : MediaAsset.<MediaAsset>list("id in ?1", page).stream().collect(Collectors.toMap(asset -> asset.id, Function.identity()));
        List<MediaAssetView> items = page.stream().map(assets::get).filter(Objects::nonNull).map(views::view).toList();
        String next = null;
        if (more) {
            MediaAsset last = assets.get(page.get(page.size() - 1));
            next = cursors.encode("media", last.createdAt.toString(), last.id);
        }
        return new Page(items, next);
    }

    /** Replaces what editors say about the asset; needs If-Match. A moved focal point asks for new crops. */
    @Transactional
    public MediaAssetView update(String id, MediaInput input, String ifMatch, Actor actor) {
        MediaAsset asset = MediaAsset.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (asset == null) {
            throw notFound(id);
        }
        requireMayChange(actor, asset);
        EntityTags.requireMatch(ifMatch, asset.version);
        requireApproverWhereApprovedOrLive(actor, asset);
        Checked checked = validate(input);
        Instant now = Instant.now(clock);
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(asset.credit, checked.credit)) {
            changed.add("credit");
        }
        if (!Objects.equals(asset.licence, checked.licence)) {
            changed.add("licence");
        }
        if (!Objects.equals(asset.copyright, checked.copyright)) {
            changed.add("copyright");
        }
        if (!views.texts(asset).equals(checked.texts)) {
            changed.add("texts");
        }
        String posterId = poster(asset, input.posterId());
        if (!Objects.equals(asset.posterId, posterId)) {
            changed.add("posterId");
        }
        boolean reframed = asset.focalX != checked.focalX || asset.focalY != checked.focalY;
        if (reframed) {
            changed.add("focalPoint");
        }
        // A video has no renditions to crop again; its poster is an image asset with its own.
        if (reframed && "image".equals(asset.kind)) {
            asset.renditionsStatus = "pending";
            asset.renditionsRequestedAt = now;
        }
        asset.posterId = posterId;
        asset.credit = checked.credit;
        asset.licence = checked.licence;
        asset.copyright = checked.copyright;
        asset.focalX = checked.focalX;
        asset.focalY = checked.focalY;
        asset.textsJson = views.write(checked.texts);
        asset.version++;
        asset.updatedAt = now;
        changes.record(actor, new AuditLog.Write("media.updated", "media-asset", asset.id, asset.version, Map.of("changed", changed)),
                new AssetUpdated(MediaChanges.meta(actor, now), asset.id, asset.version, changed, reframed));
        return views.view(asset);
    }

    /**
     * Deletes an asset no story references (409 naming those that do); its objects are removed by a handler after
     * the commit, so a rolled-back delete never loses a file.
     */
    @Transactional
    public void delete(String id, String ifMatch, Actor actor) {
        MediaAsset asset = MediaAsset.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (asset == null) {
            throw notFound(id);
        }
        requireMayChange(actor, asset);
        if (ifMatch != null) {
            EntityTags.requireMatch(ifMatch, asset.version);
        }
        List<String> stories = referencingStories(id);
        if (!stories.isEmpty()) {
            throw new ConflictException("The asset is used by " + stories.size() + " stor" + (stories.size() == 1 ? "y" : "ies") + ": "
                    + String.join(", ", stories) + ". Remove it from them first.",
                    stories.stream().map(story -> new FieldError("stories", "referenced-by", story)).toList());
        }
        List<String> keys = new ArrayList<>();
        keys.add(asset.originalKey);
        views.renditions(asset).forEach(rendition -> keys.add(rendition.key()));
        Instant now = Instant.now(clock);
        asset.delete();
        changes.record(actor, new AuditLog.Write("media.deleted", "media-asset", id, asset.version, Map.of("sha256", asset.sha256)),
                new AssetDeleted(MediaChanges.meta(actor, now), id, asset.sha256, keys));
    }

    /** The videos showing this image as their poster: the poster is public while one of them is. */
    public List<String> videosWithPoster(String imageId) {
        return MediaAsset.<MediaAsset>list("posterId", imageId).stream().map(asset -> asset.id).toList();
    }

    /** Whether an asset with this id exists (content checks the ids a story references). */
    public boolean exists(String id) {
        return id != null && MediaAsset.count("id", id) > 0;
    }

    private List<String> referencingStories(String id) {
        List<String> stories = new ArrayList<>();
        for (AssetReferences source : references) {
            stories.addAll(source.storiesReferencing(List.of(id)).getOrDefault(id, List.of()));
        }
        return stories.stream().distinct().sorted().toList();
    }

    /** Consumers see an asset's texts and crops with the live stories using it: changing them there is an approver's call. */
    private void requireApproverWhereApprovedOrLive(Actor actor, MediaAsset asset) {
        if (Roles.level(actor.roles()).compareTo(Roles.Level.APPROVER) >= 0) {
            return;
        }
        for (AssetReferences source : references) {
            if (source.usedWhereApprovedOrLive(asset.id)) {
                throw new ForbiddenException("A story with an approved or live language uses this asset: only an approver may change what "
                        + "consumers see of it.");
            }
        }
    }

    private static void requireMayChange(Actor actor, MediaAsset asset) {
        if (!actor.isAdmin() && !actor.centralOrganisation() && !Objects.equals(actor.organisation(), asset.organisation)) {
            throw new ForbiddenException("The asset belongs to " + asset.organisation + "; only its editors, central ones and admins "
                    + "change it.");
        }
    }

    private static MediaAsset find(String id) {
        MediaAsset asset = MediaAsset.findById(id);
        if (asset == null) {
            throw notFound(id);
        }
        return asset;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No media asset " + id + ".");
    }

    /** The poster a video may name: an existing image asset. Images have none. */
    private static String poster(MediaAsset asset, String posterId) {
        if (posterId == null || posterId.isBlank()) {
            return null;
        }
        if (!"video".equals(asset.kind)) {
            throw ValidationException.of("posterId", "not-a-video", "only a video has a poster");
        }
        MediaAsset poster = MediaAsset.findById(posterId);
        if (poster == null || !"image".equals(poster.kind)) {
            throw ValidationException.of("posterId", "not-an-image", "the id of an image asset");
        }
        return poster.id;
    }

    private record Checked(String credit, String licence, String copyright, float focalX, float focalY, Map<String, LocalizedText> texts) {
    }

    private static Checked validate(MediaInput input) {
        if (input == null) {
            throw ValidationException.of("body", "required", "a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String credit = text("credit", input.credit(), TEXT_MAX, errors);
        String licence = text("licence", input.licence(), TEXT_MAX, errors);
        String copyright = text("copyright", input.copyright(), TEXT_MAX, errors);
        float x = 0.5f;
        float y = 0.5f;
        if (input.focalPoint() != null) {
            x = fraction("focalPoint.x", input.focalPoint().x(), errors);
            y = fraction("focalPoint.y", input.focalPoint().y(), errors);
        }
        Map<String, LocalizedText> texts = new TreeMap<>();
        if (input.texts() != null) {
            input.texts().forEach((lang, text) -> {
                String field = "texts." + lang;
                try {
                    String tag = LanguageTags.canonical(lang, field);
                    if (text == null) {
                        errors.add(new FieldError(field, "required", "an object with caption and altText"));
                        return;
                    }
                    texts.put(tag, new LocalizedText(MediaLibrary.text(field + ".caption", text.caption(), CAPTION_MAX, errors),
                            MediaLibrary.text(field + ".altText", text.altText(), ALT_TEXT_MAX, errors)));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
        return new Checked(credit, licence, copyright, x, y, new LinkedHashMap<>(texts));
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(field, "too-long", "at most " + max + " characters"));
        }
        if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            errors.add(new FieldError(field, "control-character", "must not contain control characters"));
        }
        return text;
    }

    private static float fraction(String field, Double value, List<FieldError> errors) {
        if (value == null || value.isNaN() || value < 0 || value > 1) {
            errors.add(new FieldError(field, "out-of-range", "a number from 0 to 1"));
            return 0.5f;
        }
        return value.floatValue();
    }
}
