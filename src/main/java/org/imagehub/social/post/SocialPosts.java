package org.imagehub.social.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.api.PublishedContent;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.InvalidTransitionException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.platform.idempotency.IdempotencyStore;
import org.imagehub.platform.idempotency.IdempotentCreate;
import org.imagehub.platform.ids.Ids;
import org.imagehub.platform.text.LanguageTags;
import org.imagehub.security.Actor;
import org.imagehub.social.SocialPermissions;
import org.imagehub.social.account.SocialAccount;
import org.imagehub.social.account.SocialAccounts;
import org.imagehub.social.link.ShortLinks;
import org.imagehub.social.network.NetworkRules;
import org.imagehub.social.network.PostText;
import org.imagehub.social.network.SocialNetworks;

/**
 * Post variants as editors and approvers handle them: write (or generate) one for a published story, an account and
 * a language within the network's rules; approve it; schedule it; cancel it or ask for it to be taken down.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SocialPosts {
    static final int MAX_TEXT = 70_000;
    static final int MAX_HASHTAGS = 30;
    static final int MAX_MEDIA = 20;
    static final int MAX_KEY_MESSAGES = 20;
    private static final java.util.regex.Pattern HASHTAG = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]{1,100}");

    private final SocialAccounts accounts;
    private final SocialNetworks networks;
    private final PublishedContent published;
    private final KeyMessageService keyMessages;
    private final PostStates states;
    private final PostViews views;
    private final IdempotencyStore idempotency;
    private final Json json;
    private final Clock clock;

    public SocialPosts(SocialAccounts accounts, SocialNetworks networks, PublishedContent published, KeyMessageService keyMessages,
            PostStates states, PostViews views, IdempotencyStore idempotency, Json json, Clock clock) {
        this.accounts = accounts;
        this.networks = networks;
        this.published = published;
        this.keyMessages = keyMessages;
        this.states = states;
        this.views = views;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /** What a draft is generated from: the story, the account, the language. */
    public record DraftRequest(String storyId, String lang, String accountId) {
    }

    public PostView get(String id, Actor actor) {
        SocialPost post = find(id);
        if (!SocialPermissions.mayEdit(actor, account(post).organisation)) {
            throw new NotFoundException("No social post '" + id + "'.");
        }
        return view(post);
    }

    /** Posts of the caller's organisations, newest scheduled first, optionally of one story, account or state. */
    public List<PostView> list(Actor actor, String storyId, String accountId, String state, int limit) {
        StringBuilder query = new StringBuilder("select p from SocialPost p, SocialAccount a where a.id = p.accountId");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (storyId != null) {
            query.append(" and p.storyId = :story");
            parameters.put("story", storyId);
        }
        if (accountId != null) {
            query.append(" and p.accountId = :account");
            parameters.put("account", accountId);
        }
        if (state != null) {
            query.append(" and p.state = :state");
            parameters.put("state", state);
        }
        if (!org.imagehub.content.workflow.EditorialPolicy.actsForAll(actor)) {
            query.append(" and a.organisation = :organisation");
            parameters.put("organisation", actor.organisation());
        }
        query.append(" order by p.scheduledAt desc nulls first, p.id desc");
        List<SocialPost> found = SocialPost.<SocialPost>find(query.toString(), parameters).page(0, limit).list().stream().toList();
        return views.of(found);
    }

    @Transactional
    public IdempotentCreate create(PostInput input, Actor actor, String idempotencyKey) {
        return idempotency.execute("social-post:" + actor.userId(), idempotencyKey, json.write(input), () -> {
            SocialAccount account = requireAccount(input.accountId());
            SocialPermissions.requireEditor(actor, account.organisation);
            SocialPost post = new SocialPost();
            post.id = Ids.newId();
            post.accountId = account.id;
            post.state = PostState.DRAFT.value();
            post.createdBy = actor.userId();
            post.createdAt = Instant.now(clock);
            post.version = 1;
            apply(post, account, input);
            post.persist();
            states.record(actor, post, "created", null, Map.of());
            return new IdempotentCreate(201, "/api/v1/manage/social/posts/" + post.id, json.write(view(post)), false);
        });
    }

    /**
     * A draft made from the story: its title and summary, cut at a word boundary to leave room for the link and the
     * network's other needs, with the story's lead image where the network wants or takes one.
     */
    @Transactional
    public IdempotentCreate generate(DraftRequest request, Actor actor, String idempotencyKey) {
        SocialAccount account = requireAccount(request.accountId());
        NetworkRules rules = rules(account);
        String lang = LanguageTags.canonical(request.lang(), "lang");
        DeliveredStory story = liveStory(request.storyId(), lang);
        List<String> media = story.media().stream().filter(one -> !one.isDocument())
                .filter(one -> rules.media().maxCount() > 0 && (one.isVideo() ? rules.media().types().stream().anyMatch(t -> t.startsWith("video/"))
                        : rules.media().types().stream().anyMatch(t -> t.startsWith("image/"))))
                .limit(1).map(one -> one.assetId()).toList();
        // The short link's address has a fixed length: a placeholder of that length leaves the room it will take.
        String link = shortUrl("0000000000");
        String text = PostText.trimToFit(story.title(), story.summary(), link, List.of(), rules, !media.isEmpty());
        return create(new PostInput(story.id(), lang, account.id, text, List.of(), media, null, null, null), actor, idempotencyKey);
    }

    @Transactional
    public PostView update(String id, PostInput input, String ifMatch, Actor actor) {
        SocialPost post = lock(id);
        SocialAccount account = account(post);
        SocialPermissions.requireEditor(actor, account.organisation);
        EntityTags.requireMatch(ifMatch, post.version);
        PostState state = PostState.of(post.state);
        if (!state.editable()) {
            throw new InvalidTransitionException("A " + post.state + " post cannot be edited.");
        }
        if (input.accountId() != null && !input.accountId().equals(post.accountId) || input.storyId() != null && !input.storyId().equals(post.storyId)) {
            throw ValidationException.of(input.storyId() != null && !input.storyId().equals(post.storyId) ? "storyId" : "accountId", "immutable",
                    "a post stays with its story and account: create another post");
        }
        String before = contentSignature(post);
        apply(post, account, new PostInput(post.storyId, input.lang() == null ? post.lang : input.lang(), post.accountId, input.text(),
                input.hashtags(), input.media(), input.linkMode(), input.keyMessages(), input.scheduledAt()));
        post.version++;
        boolean contentChanged = !before.equals(contentSignature(post));
        if (contentChanged && state != PostState.DRAFT) {
            // What the approver signed off is no longer what would go out.
            states.move(actor, post, PostState.DRAFT, "reopened", "edited after approval");
        } else if (state == PostState.APPROVED && post.scheduledAt != null) {
            states.move(actor, post, PostState.QUEUED, "queued", null);
        } else if (state == PostState.QUEUED && post.scheduledAt == null) {
            // Without a time it is due never: approved, waiting for one.
            states.move(actor, post, PostState.APPROVED, "unscheduled", null);
        } else {
            states.record(actor, post, "edited", null, Map.of());
        }
        return view(post);
    }

    @Transactional
    public PostView approve(String id, String ifMatch, Actor actor) {
        SocialPost post = lock(id);
        SocialAccount account = account(post);
        SocialPermissions.requireApprover(actor, account.organisation);
        // The approver approves the version they read: an edit in between is 412, not approved unseen.
        EntityTags.requireMatch(ifMatch, post.version);
        if (PostState.of(post.state) != PostState.DRAFT) {
            throw new InvalidTransitionException("Only a draft can be approved; this post is " + post.state + ".");
        }
        // The story may have been withdrawn, embargoed or expired since the draft was written; the rules may have changed.
        DeliveredStory story = liveStory(post.storyId, post.lang);
        recompose(post, account, story);
        post.breaking = "breaking".equals(story.priority());
        post.approvedBy = actor.userId();
        post.approvedAt = Instant.now(clock);
        post.version++;
        states.move(actor, post, PostState.APPROVED, "approved", null);
        if (post.scheduledAt != null) {
            states.move(actor, post, PostState.QUEUED, "queued", null);
        }
        return view(post);
    }

    @Transactional
    public PostView cancel(String id, String reason, Actor actor) {
        SocialPost post = lock(id);
        SocialPermissions.requireEditor(actor, account(post).organisation);
        if (!PostState.of(post.state).cancellable()) {
            throw new InvalidTransitionException("A " + post.state + " post cannot be cancelled" + (PostState.of(post.state) == PostState.POSTED
                    ? "; ask for a takedown instead." : "."));
        }
        post.version++;
        states.move(actor, post, PostState.CANCELLED, "cancelled", reason == null || reason.isBlank() ? "cancelled by an editor" : reason);
        return view(post);
    }

    /** A post already out that must come down (a correction): listed for the scheduler until it reports it taken down. */
    @Transactional
    public PostView requestTakedown(String id, String reason, Actor actor) {
        SocialPost post = lock(id);
        SocialPermissions.requireApprover(actor, account(post).organisation);
        if (PostState.of(post.state) != PostState.POSTED) {
            throw new InvalidTransitionException("Only a posted post can be taken down; this one is " + post.state + ".");
        }
        post.version++;
        states.move(actor, post, PostState.TAKEDOWN_REQUESTED, "takedown-requested", reason == null || reason.isBlank() ? "correction" : reason);
        return view(post);
    }

    private PostView view(SocialPost post) {
        return views.of(post);
    }

    private List<PostMedia> media(SocialPost post) {
        return views.media(post);
    }

    private String shortUrl(String code) {
        return views.shortUrl(code);
    }

    private void apply(SocialPost post, SocialAccount account, PostInput input) {
        if (!account.active) {
            throw ValidationException.of("accountId", "inactive-account", "the account takes no new posts");
        }
        List<FieldError> errors = new ArrayList<>();
        String lang = LanguageTags.canonical(input.lang(), "lang");
        if (!account.languages.contains(lang)) {
            throw ValidationException.of("lang", "not-an-account-language", "the account posts in " + account.languages);
        }
        String text = input.text() == null ? "" : input.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "required", "1 to " + MAX_TEXT + " characters"));
        }
        List<String> hashtags = new ArrayList<>(new LinkedHashSet<>(input.hashtags() == null ? List.of() : input.hashtags().stream()
                .map(tag -> tag == null ? "" : tag.strip().replaceFirst("^#", "")).toList()));
        if (hashtags.size() > MAX_HASHTAGS) {
            errors.add(new FieldError("hashtags", "too-many", "at most " + MAX_HASHTAGS));
        }
        for (int i = 0; i < hashtags.size() && i < MAX_HASHTAGS; i++) {
            if (!HASHTAG.matcher(hashtags.get(i)).matches()) {
                errors.add(new FieldError("hashtags[" + i + "]", "invalid-hashtag", "letters, digits and _ only, without '#'"));
            }
        }
        List<String> mediaIds = input.media() == null ? List.of() : input.media();
        if (mediaIds.size() > MAX_MEDIA) {
            errors.add(new FieldError("media", "too-many", "at most " + MAX_MEDIA));
        }
        String linkMode = input.linkMode() == null || input.linkMode().isBlank() ? "short" : input.linkMode();
        if (!Set.of("short", "site", "none").contains(linkMode)) {
            errors.add(new FieldError("linkMode", "invalid", "short, site or none"));
        } else if ("site".equals(linkMode) && account.storyUrlTemplate == null) {
            errors.add(new FieldError("linkMode", "no-site", "the account has no storyUrlTemplate: use short"));
        }
        Instant scheduledAt = null;
        try {
            scheduledAt = ScheduleTime.parse(input.scheduledAt(), ZoneId.of(account.timeZone), "scheduledAt");
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The post has invalid fields.", errors);
        }
        DeliveredStory story = liveStory(input.storyId(), lang);
        List<String> keyMessageCodes = input.keyMessages() == null ? List.copyOf(story.keyMessages() == null ? List.of() : story.keyMessages())
                : List.copyOf(new LinkedHashSet<>(input.keyMessages()));
        if (keyMessageCodes.size() > MAX_KEY_MESSAGES) {
            throw ValidationException.of("keyMessages", "too-many", "at most " + MAX_KEY_MESSAGES);
        }
        Set<String> unknown = keyMessages.unknown(keyMessageCodes);
        if (!unknown.isEmpty()) {
            throw ValidationException.of("keyMessages", "unknown-key-message", "no key message " + unknown);
        }
        NetworkRules rules = rules(account);
        List<PostMedia> media = PostComposer.pick(rules, story, mediaIds, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("The post's media cannot be used.", errors);
        }
        post.storyId = story.id();
        post.lang = lang;
        post.text = text;
        post.hashtags = hashtags;
        post.linkMode = linkMode;
        post.keyMessages = new ArrayList<>(keyMessageCodes);
        post.scheduledAt = scheduledAt;
        post.mediaJson = json.write(media);
        if ("short".equals(linkMode) && post.shortCode == null) {
            post.shortCode = ShortLinks.newCode();
        }
        post.updatedAt = Instant.now(clock);
        compose(post, account, story, rules, media);
    }

    /** What a post's text would go out as, counted as the network counts it, and the rules it would break; nothing saved. */
    public record Preview(String finalText, int counted, int allowed, List<FieldError> violations) {
    }

    /** For the console's live counter: the post's own composition with other words and hashtags. */
    public Preview preview(String id, String text, List<String> hashtags, Actor actor) {
        SocialPost post = find(id);
        SocialAccount account = account(post);
        SocialPermissions.requireEditor(actor, account.organisation);
        DeliveredStory story = liveStory(post.storyId, post.lang);
        String campaign = post.keyMessages.isEmpty() ? "story-" + post.storyId : post.keyMessages.get(0);
        PostComposer.Composition composition = PostComposer.compose(rules(account), account, story, text == null ? "" : text,
                hashtags == null ? List.of() : hashtags, media(post), post.linkMode, shortUrl(post.shortCode), campaign, post.id);
        return new Preview(composition.finalText(), composition.counted(), composition.allowed(), composition.violations());
    }

    /** Composes the final text again from the story as live now, refusing what the network's rules refuse. */
    private void recompose(SocialPost post, SocialAccount account, DeliveredStory story) {
        compose(post, account, story, rules(account), media(post));
    }

    private void compose(SocialPost post, SocialAccount account, DeliveredStory story, NetworkRules rules, List<PostMedia> media) {
        String campaign = post.keyMessages.isEmpty() ? "story-" + post.storyId : post.keyMessages.get(0);
        PostComposer.Composition composition = PostComposer.compose(rules, account, story, post.text, post.hashtags, media, post.linkMode,
                shortUrl(post.shortCode), campaign, post.id);
        if (!composition.violations().isEmpty()) {
            throw new ValidationException("The post breaks " + rules.name() + "'s rules.", composition.violations());
        }
        post.finalText = composition.finalText();
        post.countedLength = composition.counted();
        post.linkTarget = "none".equals(post.linkMode) ? null : composition.linkTarget();
    }

    /**
     * What an approver signs off: the words, the files, the link and the key messages as they would go out (from the
     * composed text and the chosen files, not the stored JSON, whose text PostgreSQL normalises).
     */
    private String contentSignature(SocialPost post) {
        String files = media(post).stream().map(one -> one.assetId() + "/" + one.file()).reduce("", (a, b) -> a + " " + b);
        return String.join("\u0000", post.lang, post.finalText, files, post.linkMode, Objects.toString(post.linkTarget),
                String.join(" ", post.keyMessages));
    }

    private DeliveredStory liveStory(String storyId, String lang) {
        if (storyId == null || storyId.isBlank()) {
            throw ValidationException.of("storyId", "required", "the story the post is about");
        }
        return published.live(storyId, lang).orElseThrow(() -> ValidationException.of("storyId", "not-live",
                "story '" + storyId + "' is not published in " + lang + " now (a draft, under embargo, withdrawn or expired)"));
    }

    private SocialAccount requireAccount(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw ValidationException.of("accountId", "required", "the account to post to");
        }
        return accounts.byId(accountId).orElseThrow(() -> ValidationException.of("accountId", "unknown-account", "no social account '" + accountId + "'"));
    }

    private NetworkRules rules(SocialAccount account) {
        return networks.find(account.network).orElseThrow(() -> new IllegalStateException("No rules for network " + account.network));
    }

    private SocialAccount account(SocialPost post) {
        return accounts.byId(post.accountId).orElseThrow();
    }

    private SocialPost find(String id) {
        SocialPost post = SocialPost.findById(id);
        if (post == null) {
            throw new NotFoundException("No social post '" + id + "'.");
        }
        return post;
    }

    private SocialPost lock(String id) {
        SocialPost post = SocialPost.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new NotFoundException("No social post '" + id + "'.");
        }
        return post;
    }
}
