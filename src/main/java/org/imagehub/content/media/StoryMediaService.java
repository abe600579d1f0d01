package org.imagehub.content.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.StoryUpdated;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.content.workflow.WorkflowState;
import org.imagehub.media.asset.AssetReferences;
import org.imagehub.media.asset.MediaLibrary;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * Which media a story uses, by asset id and role (content holds ids; the assets themselves are media's). Also
 * answers media's question before a delete: which stories use an asset.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StoryMediaService implements AssetReferences {
    static final Set<String> ROLES = Set.of("lead", "gallery", "video", "infographic", "inline", "document");
    static final int MAX_ITEMS = 100;

    private final MediaLibrary library;
    private final ContentChanges changes;
    private final Clock clock;

    public StoryMediaService(MediaLibrary library, ContentChanges changes, Clock clock) {
        this.library = library;
        this.changes = changes;
        this.clock = clock;
    }

    public List<StoryMediaItem> of(String storyId) {
        return of(List.of(storyId)).getOrDefault(storyId, List.of());
    }

    /**
     * The media of each of these stories, in one query (a story without media is absent). Publication projects a
     * hundred stories in one transaction: a query per story made Hibernate dirty-check every entity of the
     * transaction before each (auto-flush), which cost more than the rest of the publication.
     */
    public Map<String, List<StoryMediaItem>> of(Collection<String> storyIds) {
        Map<String, List<StoryMediaItem>> byStory = new HashMap<>();
        if (!storyIds.isEmpty()) {
            StoryMediaRef.<StoryMediaRef>list("storyId in ?1 order by storyId, position", List.copyOf(storyIds))
                    .forEach(ref -> byStory.computeIfAbsent(ref.storyId, id -> new ArrayList<>()).add(new StoryMediaItem(ref.assetId, ref.role, ref.lang)));
        }
        return byStory;
    }

    /** The story's version after the change, for its new ETag. */
    @Transactional
    public long replace(String storyId, List<StoryMediaItem> items, String ifMatch, Actor editor) {
        Story story = Story.findById(storyId, LockModeType.PESSIMISTIC_WRITE);
        if (story == null) {
            throw new NotFoundException("No story '" + storyId + "'.");
        }
        // The images reach consumers with every live language at once, like the story's other attributes: once a
        // language is approved, scheduled or live, only an approver changes them.
        boolean approvedOrLive = story.localizations.stream()
                .anyMatch(localization -> EditorialPolicy.approvedOrLive(WorkflowState.of(localization.status), localization.publishedRevision != null));
        EditorialPolicy.decideAttributeChange(editor, story.organisation, approvedOrLive).orThrow();
        EntityTags.requireMatch(ifMatch, story.version);
        List<StoryMediaItem> valid = validate(items);
        StoryMediaRef.delete("storyId", storyId);
        StoryMediaRef.flush();
        for (int i = 0; i < valid.size(); i++) {
            StoryMediaRef ref = new StoryMediaRef();
            ref.storyId = storyId;
            ref.position = i;
            ref.assetId = valid.get(i).assetId();
            ref.role = valid.get(i).role();
            ref.lang = valid.get(i).lang();
            ref.persist();
        }
        Instant now = Instant.now(clock);
        story.version++;
        story.updatedAt = now;
        boolean live = story.localizations.stream().anyMatch(localization -> localization.publishedRevision != null);
        changes.record(editor, new AuditLog.Write("story.updated", "story", storyId, story.version,
                        Map.of("media", valid.stream().map(StoryMediaItem::assetId).toList())),
                new StoryUpdated(ContentChanges.meta(editor, now), storyId, List.of("media"), live));
        return story.version;
    }

    /**
     * The lead and infographic images a localization in {@code lang} would show without alt text in that language:
     * publishing it is refused with each named (an image nobody can describe to a screen-reader user).
     */
    /** Which of these stories show a lead or infographic image (the ones whose alt text publication checks), in one query. */
    public Set<String> withShownImages(Collection<String> storyIds) {
        if (storyIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(StoryMediaRef.<StoryMediaRef>list("storyId in ?1 and role in ?2", List.copyOf(storyIds), List.of("lead", "infographic"))
                .stream().map(ref -> ref.storyId).toList());
    }

    public List<FieldError> missingAltText(String storyId, String lang) {
        List<StoryMediaRef> refs = StoryMediaRef.list("storyId = ?1 and role in ?2 order by position", storyId, List.of("lead", "infographic"));
        List<StoryMediaRef> shown = refs.stream().filter(ref -> ref.lang == null || ref.lang.equals(lang)).toList();
        Map<String, org.imagehub.media.asset.MediaAssetView> assets = library.byIds(shown.stream().map(ref -> ref.assetId).toList());
        List<FieldError> errors = new ArrayList<>();
        for (StoryMediaRef ref : shown) {
            org.imagehub.media.asset.MediaAssetView asset = assets.get(ref.assetId);
            org.imagehub.media.asset.LocalizedText text = asset == null ? null : asset.texts().get(lang);
            if (text == null || text.altText() == null || text.altText().isBlank()) {
                errors.add(new FieldError("media[" + ref.position + "].texts." + lang + ".altText", "required",
                        "the " + ref.role + " image " + ref.assetId + " needs alt text in " + lang + " before this language is published"));
            }
        }
        return errors;
    }

    @Override
    public Map<String, List<String>> storiesReferencing(Collection<String> assetIds) {
        Map<String, List<String>> stories = new LinkedHashMap<>();
        StoryMediaRef.<StoryMediaRef>list("assetId in ?1 order by storyId", List.copyOf(assetIds))
                .forEach(ref -> {
                    List<String> ids = stories.computeIfAbsent(ref.assetId, id -> new ArrayList<>());
                    if (!ids.contains(ref.storyId)) {
                        ids.add(ref.storyId);
                    }
                });
        return stories;
    }

    @Override
    public boolean usedWhereApprovedOrLive(String assetId) {
        return Localization.count("""
                story.id in (select r.storyId from StoryMediaRef r where r.assetId = ?1)
                 and (publishedRevision is not null or status in ?2)""", assetId,
                List.of(WorkflowState.APPROVED.code(), WorkflowState.SCHEDULED.code(), WorkflowState.PUBLISHED.code())) > 0;
    }

    private List<StoryMediaItem> validate(List<StoryMediaItem> items) {
        if (items == null) {
            throw ValidationException.of("items", "required", "an array, empty to remove every asset");
        }
        List<FieldError> errors = new ArrayList<>();
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "too-many", "at most " + MAX_ITEMS));
        }
        Set<String> ids = new HashSet<>();
        items.stream().filter(item -> item != null && item.assetId() != null).forEach(item -> ids.add(item.assetId()));
        Set<String> known = library.byIds(ids).keySet();
        List<StoryMediaItem> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StoryMediaItem item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(field, "required", "an object"));
                continue;
            }
            if (item.assetId() == null || !known.contains(item.assetId())) {
                errors.add(new FieldError(field + ".assetId", "unknown", "an asset of the media library"));
            }
            if (item.role() == null || !ROLES.contains(item.role())) {
                errors.add(new FieldError(field + ".role", "invalid", "one of " + String.join(", ", ROLES.stream().sorted().toList())));
            }
            String lang = null;
            if (item.lang() != null) {
                try {
                    lang = LanguageTags.canonical(item.lang(), field + ".lang");
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
            valid.add(new StoryMediaItem(item.assetId(), item.role(), lang));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid field(s).", errors);
        }
        return valid;
    }
}
