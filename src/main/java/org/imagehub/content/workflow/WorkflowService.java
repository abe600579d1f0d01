package org.imagehub.content.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.LocalizationView;
import org.imagehub.content.story.Story;
import org.imagehub.content.story.StoryViews;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.Actor;

/** Moves localizations through the workflow, checked by {@link EditorialPolicy} and recorded step by step. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkflowService {
    private static final int MAX_COMMENT = 2000;

    private final WorkflowRecorder recorder;
    private final StoryViews views;
    private final Clock clock;
    private final org.imagehub.content.media.StoryMediaService media;

    public WorkflowService(WorkflowRecorder recorder, StoryViews views, Clock clock, org.imagehub.content.media.StoryMediaService media) {
        this.media = media;
        this.recorder = recorder;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public LocalizationView transition(String storyId, String lang, TransitionRequest request, String ifMatch, Actor editor) {
        WorkflowAction action = WorkflowAction.transition(request.action());
        if (action == null) {
            throw ValidationException.of("action", request.action() == null ? "required" : "unknown",
                    "one of submit, return, approve, publish, schedule, unschedule, withdraw, archive");
        }
        Story story = Story.findById(storyId, LockModeType.PESSIMISTIC_WRITE);
        Localization localization = story == null ? null : find(story, LanguageTags.canonical(lang, "path.lang"));
        if (localization == null) {
            throw new NotFoundException("No localization " + lang + " of story '" + storyId + "'.");
        }
        WorkflowState state = WorkflowState.of(localization.status);
        if (!EditorialPolicy.maySee(editor, story.organisation, state, story.underEmbargo(Instant.now(clock)))) {
            throw new NotFoundException("No localization " + lang + " of story '" + storyId + "'.");
        }
        EditorialPolicy.Decision decision = EditorialPolicy.decide(editor, story.organisation, state, localization.publishedRevision != null,
                "breaking".equals(story.priority), action);
        WorkflowState target = decision.orThrow();
        EntityTags.requireMatch(ifMatch, localization.version);
        Instant now = Instant.now(clock);
        String comment = comment(request, action);
        String publicReason = publicReason(request, action);
        if (action == WorkflowAction.SCHEDULE && (request.at() == null || !request.at().isAfter(now))) {
            throw ValidationException.of("at", request.at() == null ? "required" : "not-in-future", "a future time to publish at");
        }
        if (action == WorkflowAction.PUBLISH || action == WorkflowAction.SCHEDULE) {
            requireAltText(story.id, localization.lang);
        }
        recorder.apply(story, localization, new WorkflowRecorder.Step(action, target, editor, comment, decision.fastTracked(),
                action == WorkflowAction.SCHEDULE ? request.at() : null, publicReason), now);
        return views.localization(localization);
    }

    /**
     * Takes every draft localization of the story through review to publication as {@code editor}, each step checked
     * and recorded like an editor's request. Used to load content that was approved elsewhere (the demo dataset).
     */
    @Transactional
    public int publishDrafts(String storyId, Actor editor) {
        Story story = Story.findById(storyId, LockModeType.PESSIMISTIC_WRITE);
        if (story == null) {
            throw new NotFoundException("No story '" + storyId + "'.");
        }
        Instant now = Instant.now(clock);
        int published = 0;
        for (Localization localization : story.localizations) {
            if (!WorkflowState.DRAFT.code().equals(localization.status)) {
                continue;
            }
            requireAltText(story.id, localization.lang);
            for (WorkflowAction action : List.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE, WorkflowAction.PUBLISH)) {
                WorkflowState target = EditorialPolicy.decide(editor, story.organisation, WorkflowState.of(localization.status),
                        localization.publishedRevision != null, "breaking".equals(story.priority), action).orThrow();
                recorder.apply(story, localization, new WorkflowRecorder.Step(action, target, editor, null, false, null), now);
            }
            published++;
        }
        return published;
    }

    /**
     * The stories, among these, whose publication must check alt text: read before a batch changes anything, since a
     * query per story in a transaction holding many changed entities makes Hibernate dirty-check them all each time.
     */
    public java.util.Set<String> needingAltTextCheck(java.util.Collection<String> storyIds) {
        return media.withShownImages(storyIds);
    }

    /** Publishing a language whose lead or infographic images have no alt text in it is refused, each image named (accessibility). */
    void requireAltText(String storyId, String lang) {
        java.util.List<org.imagehub.platform.errors.FieldError> missing = media.missingAltText(storyId, lang);
        if (!missing.isEmpty()) {
            throw new ValidationException("Images of this story have no alt text in " + lang + ".", missing);
        }
    }

    public List<TransitionView> history(String storyId, String lang, Actor editor) {
        Story story = Story.findById(storyId);
        Localization localization = story == null ? null : find(story, LanguageTags.canonical(lang, "path.lang"));
        if (localization == null || !EditorialPolicy.maySeeHistory(editor, story.organisation)) {
            throw new NotFoundException("No localization " + lang + " of story '" + storyId + "'.");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("storyId", storyId);
        parameters.put("lang", localization.lang);
        return WorkflowTransition.<WorkflowTransition>find("storyId = :storyId and lang = :lang order by id", parameters).list().stream()
                .map(TransitionView::of).toList();
    }

    private static String comment(TransitionRequest request, WorkflowAction action) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ValidationException.of("comment", "too-long", "at most " + MAX_COMMENT + " characters");
        }
        if (comment == null && action == WorkflowAction.WITHDRAW) {
            throw ValidationException.of("comment", "required", "the reason for withdrawal, for the editors (consumers get publicReason only)");
        }
        return comment;
    }

    /** The withdrawal reason consumers may be told: only what the approver wrote for them, never the internal comment. */
    private static String publicReason(TransitionRequest request, WorkflowAction action) {
        String reason = request.publicReason() == null || request.publicReason().isBlank() ? null : request.publicReason().strip();
        if (reason != null && action != WorkflowAction.WITHDRAW) {
            throw ValidationException.of("publicReason", "not-allowed", "only a withdrawal carries a public reason");
        }
        if (reason != null && reason.length() > MAX_COMMENT) {
            throw ValidationException.of("publicReason", "too-long", "at most " + MAX_COMMENT + " characters");
        }
        return reason;
    }

    private static Localization find(Story story, String lang) {
        return story.localizations.stream().filter(l -> l.lang.equals(lang)).findFirst().orElse(null);
    }
}
