package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.LocalizationSaved;
import org.imagehub.content.events.StoryCreated;
import org.imagehub.content.events.StoryUpdated;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.content.revision.FieldChange;
import org.imagehub.content.revision.RevisionContent;
import org.imagehub.content.revision.RevisionService;
import org.imagehub.content.topic.TopicService;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.ids.Ids;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * Writes validated stories inside the caller's transaction: reference checks, slugs, revisions, versions and the
 * change events (see ContentChanges). Shared by single saves and bulk import so both follow exactly the same rules.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class StoryWriter {
    private final TopicService topics;
    private final KeyMessageService keyMessages;
    private final SlugAllocator slugs;
    private final RevisionService revisions;
    private final NewStoryRows newRows;
    private final ContentChanges changes;
    private final EntityManager entityManager;
    private final Json json;
    private final Clock clock;

    StoryWriter(TopicService topics, KeyMessageService keyMessages, SlugAllocator slugs, RevisionService revisions, NewStoryRows newRows,
            ContentChanges changes, EntityManager entityManager, Json json, Clock clock) {
        this.newRows = newRows;
        this.entityManager = entityManager;
        this.changes = changes;
        this.topics = topics;
        this.keyMessages = keyMessages;
        this.slugs = slugs;
        this.revisions = revisions;
        this.json = json;
        this.clock = clock;
    }

    /** Outcome of saving one localization. */
    enum Saved { CREATED, UPDATED, UNCHANGED }

    Story create(ValidStory valid, Actor editor) {
        return createAll(List.of(valid), editor).get(0);
    }

    /**
     * Creates new stories together, in order, as {@link #create} would one by one: one reference check and one slug
     * allocation for all of them (an import chunk), so the database is asked a few questions per chunk, not per line.
     * Any story's error fails the call. The stories are written as rows ({@link NewStoryRows}): the answered entities
     * are not managed by the session.
     */
    List<Story> createAll(List<ValidStory> valids, Actor editor) {
        checkReferences(valids);
        Instant now = Instant.now(clock);
        List<Story> stories = new ArrayList<>(valids.size());
        List<List<Localization>> createdPerStory = new ArrayList<>(valids.size());
        List<SlugAllocator.Request> slugRequests = new ArrayList<>();
        for (ValidStory valid : valids) {
            Story story = new Story();
            story.id = Ids.newId();
            story.createdAt = now;
            story.createdBy = editor.userId();
            story.version = 1;
            applyAttributes(story, valid, editor, now);
            List<Localization> created = new ArrayList<>();
            for (int i = 0; i < valid.localizations().size(); i++) {
                ValidStory.ValidLocalization source = valid.localizations().get(i);
                Localization localization = newLocalization(story, source, now);
                created.add(localization);
                slugRequests.add(new SlugAllocator.Request(story.id, localization.id, source.lang(), source.slug(), source.titleSlug(),
                        "localizations[" + i + "].slug"));
            }
            stories.add(story);
            createdPerStory.add(created);
        }
        Map<String, String> allocated = slugs.allocate(slugRequests);
        List<String> localizationIds = new ArrayList<>(slugRequests.size());
        for (int s = 0; s < stories.size(); s++) {
            Story story = stories.get(s);
            ValidStory valid = valids.get(s);
            List<Localization> created = createdPerStory.get(s);
            // Sources first, so a translation can record the revision of its source.
            for (int i = 0; i < created.size(); i++) {
                Localization localization = created.get(i);
                applyContent(localization, valid.localizations().get(i), allocated.get(localization.id));
                story.localizations.add(localization);
            }
            for (Localization localization : created) {
                resolveTranslationRevision(story, localization);
                localizationIds.add(localization.id);
            }
            List<String> languages = created.stream().map(l -> l.lang).toList();
            changes.record(editor, new AuditLog.Write("story.created", "story", story.id, story.version, Map.of("languages", languages)),
                    new StoryCreated(ContentChanges.meta(editor, now), story.id, languages));
        }
        newRows.insert(stories);
        // Each new localization's first revision is its working copy as stored.
        revisions.recordCreated(localizationIds, editor.userId(), now);
        return stories;
    }

    /** Applies checked attribute changes as the story's next attribute revision, recording what changed from what to what. */
    void updateAttributes(Story story, ValidStory valid, List<FieldChange> changes, String reason, Actor editor) {
        checkReferences(valid);
        Instant now = Instant.now(clock);
        applyAttributes(story, valid, editor, now);
        story.version++;
        Number last = (Number) NativeSql.bind(entityManager.createNativeQuery(
                "select coalesce(max(number), 0) from story_attribute_revision where story_id = ?1"), story.id).getSingleResult();
        int number = last.intValue() + 1;
        NativeSql.bind(entityManager.createNativeQuery("""
                        insert into story_attribute_revision (story_id, number, changes, reason, created_at, created_by)
                        values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)"""),
                story.id, number, json.write(changes), reason, now, editor.userId())
                .executeUpdate();
        List<String> fields = changes.stream().map(FieldChange::field).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attributeRevision", number);
        details.put("changes", changes);
        if (reason != null) {
            details.put("reason", reason);
        }
        boolean live = story.localizations.stream().anyMatch(localization -> localization.publishedRevision != null);
        this.changes.record(editor, new AuditLog.Write("story.updated", "story", story.id, story.version, details),
                new StoryUpdated(ContentChanges.meta(editor, now), story.id, fields, live));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<AttributeRevisionView> attributeRevisions(String storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery("""
                        select number, cast(changes as text), reason, created_by, created_at from story_attribute_revision
                        where story_id = ?1 order by number desc"""), storyId).getResultList();
        return rows.stream().map(row -> new AttributeRevisionView(((Number) row[0]).intValue(),
                List.of(json.read((String) row[1], FieldChange[].class)), (String) row[2], (String) row[3], SqlValues.instant(row[4]))).toList();
    }

    /** Creates or revises the story's localization in {@code valid.lang()}; an identical save makes no revision. */
    Saved saveLocalization(Story story, ValidStory.ValidLocalization valid, Actor editor) {
        Instant now = Instant.now(clock);
        Localization existing = story.localizations.stream().filter(l -> l.lang.equals(valid.lang())).findFirst().orElse(null);
        if (valid.translatedFromLang() != null
                && story.localizations.stream().noneMatch(l -> l.lang.equals(valid.translatedFromLang()))) {
            throw ValidationException.of("translatedFrom", "unknown-source", "this story has no localization in " + valid.translatedFromLang());
        }
        if (existing == null) {
            Localization localization = newLocalization(story, valid, now);
            applyContent(localization, valid, slugs.allocate(List.of(new SlugAllocator.Request(story.id, localization.id, valid.lang(),
                    valid.slug(), valid.titleSlug(), "slug"))).get(localization.id));
            story.localizations.add(localization);
            resolveTranslationRevision(story, localization);
            localization.persist();
            revisions.record(localization.content, localization.id, 1, null, editor.userId(), now);
            touch(story, now);
            changes.record(editor, new AuditLog.Write("localization.created", "story", story.id, 1L, Map.of("lang", valid.lang())),
                    new LocalizationSaved(ContentChanges.meta(editor, now), story.id, valid.lang(), 1));
            return Saved.CREATED;
        }
        RevisionContent before = existing.content;
        String slug = valid.slug() == null ? before.slug() : valid.slug();
        if (!slug.equals(before.slug())) {
            slug = slugs.allocate(List.of(new SlugAllocator.Request(story.id, existing.id, valid.lang(), valid.slug(), valid.titleSlug(), "slug")))
                    .get(existing.id);
        }
        applyContent(existing, valid, slug);
        if (!valid.translatedFromGiven()) {
            // A save that does not say where the text came from keeps what was recorded: fixing a typo is not re-translating.
            existing.content = existing.content.withTranslation(before.translatedFromLang(), before.translatedFromRevision());
        } else {
            resolveTranslationRevision(story, existing);
        }
        if (sameContent(before, existing.content)) {
            return Saved.UNCHANGED;
        }
        return revise(story, existing, null, editor, now);
    }

    /** Makes {@code content} the localization's current state as a new revision (used by saves and restores). */
    Saved revise(Story story, Localization localization, Integer restoredFrom, Actor editor, Instant now) {
        localization.currentRevision++;
        localization.version++;
        localization.updatedAt = now;
        revisions.record(localization.content, localization.id, localization.currentRevision, restoredFrom, editor.userId(), now);
        touch(story, now);
        Map<String, Object> details = restoredFrom == null ? Map.of("lang", localization.lang)
                : Map.of("lang", localization.lang, "restoredFrom", restoredFrom);
        changes.record(editor, new AuditLog.Write(restoredFrom == null ? "localization.revised" : "localization.restored", "story", story.id,
                (long) localization.currentRevision, details),
                new LocalizationSaved(ContentChanges.meta(editor, now), story.id, localization.lang, localization.currentRevision));
        return Saved.UPDATED;
    }

    void restoreContent(Localization localization, RevisionContent content) {
        localization.content = content;
    }

    private void touch(Story story, Instant now) {
        story.version++;
        story.updatedAt = now;
    }

    private void checkReferences(ValidStory valid) {
        checkReferences(List.of(valid));
    }

    /** One query for the topics and one for the key messages of all the stories; fails with the first story's unknown references. */
    private void checkReferences(List<ValidStory> valids) {
        Set<String> allTopics = new HashSet<>();
        Set<String> allMessages = new HashSet<>();
        for (ValidStory valid : valids) {
            allTopics.addAll(valid.topics());
            allMessages.addAll(valid.keyMessages());
        }
        Set<String> unknownTopics = topics.unknown(allTopics);
        Set<String> unknownMessages = keyMessages.unknown(allMessages);
        if (unknownTopics.isEmpty() && unknownMessages.isEmpty()) {
            return;
        }
        for (ValidStory valid : valids) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < valid.topics().size(); i++) {
                if (unknownTopics.contains(valid.topics().get(i))) {
                    errors.add(new FieldError("topics[" + i + "]", "unknown-topic", "no topic '" + valid.topics().get(i) + "' (see GET /api/v1/topics)"));
                }
            }
            for (int i = 0; i < valid.keyMessages().size(); i++) {
                if (unknownMessages.contains(valid.keyMessages().get(i))) {
                    errors.add(new FieldError("keyMessages[" + i + "]", "unknown-key-message", "no key message '" + valid.keyMessages().get(i) + "'"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors.size() + " unknown reference(s).", errors);
            }
        }
    }

    private void applyAttributes(Story story, ValidStory valid, Actor editor, Instant now) {
        story.externalId = valid.externalId();
        story.type = valid.type();
        if (valid.organisation() != null) {
            story.organisation = valid.organisation();
        } else if (story.organisation == null) {
            story.organisation = editor.organisation();
        }
        story.priority = valid.priority();
        story.topics = new ArrayList<>(valid.topics());
        story.countries = new ArrayList<>(valid.countries());
        story.tags = new ArrayList<>(valid.tags());
        story.keyMessages = new ArrayList<>(valid.keyMessages());
        story.credit = valid.credit();
        story.source = valid.source();
        story.licence = valid.licence();
        story.fieldsJson = valid.fieldsJson();
        if (!Objects.equals(story.embargoUntil, valid.embargoUntil())) {
            // A new embargo is lifted again by the timed action; one already past needs no announcement.
            story.embargoLifted = valid.embargoUntil() == null || !valid.embargoUntil().isAfter(now);
        }
        story.embargoUntil = valid.embargoUntil();
        story.expiresAt = valid.expiresAt();
        story.updatedAt = now;
    }

    private static Localization newLocalization(Story story, ValidStory.ValidLocalization valid, Instant now) {
        Localization localization = new Localization();
        localization.id = Ids.newId();
        localization.story = story;
        localization.lang = valid.lang();
        localization.rtl = valid.rtl();
        localization.status = "draft";
        localization.currentRevision = 1;
        localization.version = 1;
        localization.createdAt = now;
        localization.updatedAt = now;
        return localization;
    }

    private static void applyContent(Localization localization, ValidStory.ValidLocalization valid, String slug) {
        localization.content = new RevisionContent(slug, valid.title(), valid.summary(), valid.bodyHtml(), valid.bodyText(), valid.fieldsJson(),
                valid.seoTitle(), valid.seoDescription(), valid.translatedFromLang(), valid.translatedFromRevision());
    }

    /** A translation that names its source without a revision was made from the source's current revision. */
    private static void resolveTranslationRevision(Story story, Localization localization) {
        String sourceLang = localization.content.translatedFromLang();
        if (sourceLang == null || localization.content.translatedFromRevision() != null) {
            return;
        }
        localization.content = localization.content.withTranslation(sourceLang, story.localizations.stream()
                .filter(source -> source.lang.equals(sourceLang))
                .findFirst()
                .map(source -> source.currentRevision)
                .orElse(1));
    }

    private boolean sameContent(RevisionContent before, RevisionContent after) {
        return Objects.equals(before.slug(), after.slug()) && Objects.equals(before.title(), after.title())
                && Objects.equals(before.summary(), after.summary()) && Objects.equals(before.bodyHtml(), after.bodyHtml())
                && json.read(before.fieldsJson()).equals(json.read(after.fieldsJson()))
                && Objects.equals(before.seoTitle(), after.seoTitle()) && Objects.equals(before.seoDescription(), after.seoDescription())
                && Objects.equals(before.translatedFromLang(), after.translatedFromLang())
                && Objects.equals(before.translatedFromRevision(), after.translatedFromRevision());
    }

}
