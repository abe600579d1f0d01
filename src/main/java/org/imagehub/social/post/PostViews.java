package org.imagehub.social.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.api.PublishedContent;
import org.imagehub.social.account.SocialAccount;
import org.imagehub.social.account.SocialAccounts;
import org.imagehub.social.link.ShortLinks;
import org.imagehub.social.network.NetworkRules;
import org.imagehub.social.network.SocialNetworks;

/** Posts as the APIs show them: the management view with its clicks, and the pieces the scheduler's view shares. */
@ApplicationScoped
public class PostViews {
    private final SocialAccounts accounts;
    private final SocialNetworks networks;
    private final ShortLinks shortLinks;
    private final PublishedContent published;
    private final ObjectMapper objectMapper;

    public PostViews(SocialAccounts accounts, SocialNetworks networks, ShortLinks shortLinks, PublishedContent published, ObjectMapper objectMapper) {
        this.accounts = accounts;
        this.networks = networks;
        this.shortLinks = shortLinks;
        this.published = published;
        this.objectMapper = objectMapper;
    }

    public PostView of(SocialPost post) {
        return of(post, shortLinks.clicks(List.of(post.id)).getOrDefault(post.id, 0L));
    }

    /** Several posts, their clicks read in one statement. */
    public List<PostView> of(List<SocialPost> posts) {
        Map<String, Long> clicks = shortLinks.clicks(posts.stream().map(post -> post.id).toList());
        return posts.stream().map(post -> of(post, clicks.getOrDefault(post.id, 0L))).toList();
    }

    private PostView of(SocialPost post, long clicks) {
        SocialAccount account = accounts.byId(post.accountId).orElseThrow();
        NetworkRules rules = networks.find(account.network).orElse(null);
        List<PostMedia> media = media(post);
        int allowed = rules == null ? 0 : rules.text().maxLength(!media.isEmpty());
        ZoneId zone = ZoneId.of(account.timeZone);
        return new PostView(post.id, post.accountId, account.network, account.handle, post.storyId, post.lang, post.state, post.text,
                List.copyOf(post.hashtags), media, new PostView.Link(post.linkMode, linkInPost(post), post.linkTarget), List.copyOf(post.keyMessages),
                post.finalText, post.countedLength, allowed, post.scheduledAt, ScheduleTime.local(post.scheduledAt, zone), account.timeZone,
                post.breaking, post.approvedBy, post.approvedAt, PostState.of(post.state) == PostState.CLAIMED ? post.leaseUntil : null,
                post.attempts, post.externalId, post.externalUrl, post.postedAt, post.failureReason, post.failureRetryable, post.stateReason,
                clicks, post.createdBy, post.version, post.createdAt, post.updatedAt);
    }

    /** The files a post carries, as stored when it was composed. */
    public List<PostMedia> media(SocialPost post) {
        try {
            return objectMapper.readValue(post.mediaJson, new TypeReference<List<PostMedia>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable media of post " + post.id, e);
        }
    }

    /** The address the post carries: its short link, or the story's page on the account's site; null without a link. */
    public String linkInPost(SocialPost post) {
        return "short".equals(post.linkMode) ? shortUrl(post.shortCode) : "site".equals(post.linkMode) ? post.linkTarget : null;
    }

    String shortUrl(String code) {
        return code == null ? null : published.baseUrl() + "/l/" + code;
    }
}
