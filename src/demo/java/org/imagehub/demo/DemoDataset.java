package org.imagehub.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.importing.StoryImporter;
import org.imagehub.content.keymessage.KeyMessageInput;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.content.story.Story;
import org.imagehub.content.topic.TopicInput;
import org.imagehub.content.topic.TopicService;
import org.imagehub.content.workflow.WorkflowService;
import org.imagehub.security.consumer.ConsumerInput;
import org.imagehub.security.consumer.ConsumerService;
import org.imagehub.security.consumer.Scopes;
import org.imagehub.security.organisation.OrganisationInput;
import org.imagehub.security.organisation.OrganisationService;
import org.imagehub.platform.HubConfig;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagehub.social.account.AccountInput;
import org.imagehub.social.account.SocialAccounts;
import org.imagehub.social.post.PostInput;
import org.imagehub.social.post.PostMedia;
import org.imagehub.social.post.PostView;
import org.imagehub.social.post.SocialPosts;
import org.jboss.logging.Logger;

/**
 * Loads the demo dataset (topics, key messages, 14 stories in five languages with drawn images, published) into an empty hub,
 * through the same services editors use, and registers the demo consumer with its well-known key. Only in the demo
 * profile, whatever {@code hub.demo.load-dataset} says elsewhere: a production hub started with the flag set (or a demo
 * build run in the prod profile) must not publish demo content or accept a published key. The key is revoked when
 * the demo run stops, so it never outlives it even on a database that does.
 */
@ApplicationScoped
public class DemoDataset {
    private static final Logger LOG = Logger.getLogger(DemoDataset.class);
    /** The consumer whose key is HUB_DEMO_API_KEY: reads everything published, in every language. */
    public static final String DEMO_CONSUMER = "demo-embassy";
    /** The consumer whose key is HUB_DEMO_SCHEDULER_KEY: the social scheduler of the demo accounts. */
    public static final String DEMO_SCHEDULER = "demo-scheduler";
    private static final Duration DEMO_KEY_LIFETIME = Duration.ofHours(24);
    private static final Actor LOADER = new Actor("demo-loader", "mofa", Set.of(Roles.ADMIN, Roles.APPROVER, Roles.EDITOR), true);

    private final HubConfig config;
    private final TopicService topics;
    private final KeyMessageService keyMessages;
    private final StoryImporter importer;
    private final WorkflowService workflow;
    private final ConsumerService consumers;
    private final OrganisationService organisations;
    private final ObjectMapper objectMapper;
    private final DemoMedia media;
    private final SocialAccounts socialAccounts;
    private final SocialPosts socialPosts;
    private final DemoUsage usage;
    private final int httpPort;
    private final int managementPort;
    private final String host;

    public DemoDataset(HubConfig config, TopicService topics, KeyMessageService keyMessages, StoryImporter importer,
            WorkflowService workflow, OrganisationService organisations, ConsumerService consumers, ObjectMapper objectMapper, DemoMedia media,
            SocialAccounts socialAccounts, SocialPosts socialPosts, DemoUsage usage,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000") int managementPort,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1") String host) {
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.host = "0.0.0.0".equals(host) ? "localhost" : host;
        this.config = config;
        this.topics = topics;
        this.keyMessages = keyMessages;
        this.importer = importer;
        this.workflow = workflow;
        this.consumers = consumers;
        this.organisations = organisations;
        this.objectMapper = objectMapper;
        this.media = media;
        this.socialAccounts = socialAccounts;
        this.socialPosts = socialPosts;
        this.usage = usage;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.demo().loadDataset()) {
            return;
        }
        if (!demoProfile()) {
            LOG.warnf("hub.demo.load-dataset is set outside the demo profile (profiles %s): no demo content and no demo key loaded",
                    profiles());
            return;
        }
        if (Story.count() == 0) {
            load();
        }
        ensureScheduler();
        config.demo().apiKey().ifPresent(key -> consumers.ensureWithKey(DEMO_CONSUMER, new ConsumerInput("Demo embassy site", "embassy-site",
                "embassy-fr", List.of(Scopes.CONTENT_READ), List.of(), List.of(), List.of(), 6000, true), key,
                // A demo run lasts a day at most: the well-known demo key must not outlive it (it is also revoked at shutdown).
                Instant.now().plus(DEMO_KEY_LIFETIME), LOADER));
        String base = "http://" + host + ":" + httpPort;
        // Health, metrics and the API description are on the management interface, not on the API port.
        String management = "http://" + host + ":" + managementPort;
        LOG.infof("%n%n  Image Hub demo is up.%n  API:        %s/api/v1/content-model  (management: %s/api/v1/manage/...)%n"
                + "  Swagger UI: %s/q/swagger-ui%n  OpenAPI:    %s/q/openapi%n  Health:     %s/q/health/ready%n"
                + "  Sign in:    POST %s/api/v1/demo/sign-in {\"username\":\"editor.mofa\",\"password\":\"demo-editor\"}%n"
                + "  API key:    the value of HUB_DEMO_API_KEY (see README), e.g. curl -H 'X-Api-Key: ...' %s/api/v1/stories%n"
                + "  Stop with Ctrl-C.%n", base, base, management, management, management, base, base);
    }

    /** The demo key lives as long as the demo run: revoked at shutdown, so a kept database does not keep it valid. */
    void onStop(@Observes ShutdownEvent event) {
        if (!config.demo().loadDataset() || !demoProfile()) {
            return;
        }
        try {
            for (String consumer : List.of(DEMO_CONSUMER, DEMO_SCHEDULER)) {
                consumers.keys(consumer).stream().filter(key -> key.revokedAt() == null)
                        .forEach(key -> consumers.revokeKey(consumer, key.id(), LOADER));
            }
        } catch (RuntimeException e) {
            LOG.warnf("The demo consumer's key could not be revoked at shutdown: %s", e.getMessage());
        }
    }

    private static List<String> profiles() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
    }

    private static boolean demoProfile() {
        return profiles().contains("demo");
    }

    private void load() throws IOException {
        Map<String, OrganisationInput> organisationInputs = read("/demo/organisations.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> organisationInputs.forEach((code, input) -> organisations.save(code, input, null, null, LOADER)));
        List<TopicInput> topicInputs = read("/demo/topics.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> topicInputs.forEach(topic -> topics.save(topic.code(), topic, null, null, LOADER)));
        List<KeyMessageInput> messages = read("/demo/key-messages.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> messages.forEach(message -> keyMessages.create(message, LOADER, null)));
        Map<String, String> storyIds = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (InputStream stories = resource("/demo/stories.ndjson")) {
            importer.importStories(stories, LOADER, result -> {
                if (result.id() != null) {
                    storyIds.put(result.externalId(), result.id());
                } else {
                    failures.add("line " + result.line() + ": " + result.detail() + " " + result.errors());
                }
            });
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The demo dataset does not import cleanly: " + failures);
        }
        // Images before publication: a language is published only once its lead and infographic images have alt text in it.
        int images = media.attachAll(storyIds, LOADER);
        int published = storyIds.values().stream().mapToInt(id -> workflow.publishDrafts(id, LOADER)).sum();
        int posts = loadSocial(storyIds.values());
        int views = usage.load(LOADER);
        LOG.infof("Demo dataset loaded: %d organisations, %d topics, %d key messages, %d stories with %d images, %d localizations published, "
                + "%d social posts queued, a month of usage (%d page views)", organisationInputs.size(), topicInputs.size(), messages.size(),
                storyIds.size(), images, published, posts, views);
    }

    /**
     * Social accounts (their scheduler the demo scheduler, when its key is set) and, for each, drafts generated from the
     * first stories published in its languages, scheduled on the coming days at 09:00 its time and approved.
     */
    private int loadSocial(java.util.Collection<String> storyIds) {
        String scheduler = ensureScheduler();
        List<AccountInput> inputs = read("/demo/social-accounts.json", new TypeReference<>() { });
        int queued = 0;
        for (AccountInput input : inputs) {
            AccountInput withScheduler = new AccountInput(input.network(), input.handle(), input.displayName(), input.organisation(), input.languages(),
                    input.timeZone(), scheduler, input.storyUrlTemplate(), true);
            String accountId = readTree(socialAccounts.create(withScheduler, LOADER, null).body()).path("id").asText();
            int day = 1;
            for (String storyId : storyIds) {
                for (String lang : input.languages()) {
                    if (day > 3) {
                        break;
                    }
                    try {
                        PostView draft = objectMapper.readValue(socialPosts.generate(new SocialPosts.DraftRequest(storyId, lang, accountId), LOADER, null).body(),
                                PostView.class);
                        String time = java.time.LocalDate.now(java.time.ZoneId.of(input.timeZone())).plusDays(day) + "T09:00";
                        socialPosts.update(draft.id(), new PostInput(storyId, lang, accountId, draft.text(), draft.hashtags(),
                                draft.media().stream().map(PostMedia::assetId).toList(), draft.link().mode(), draft.keyMessages(), time), "\"v1\"", LOADER);
                        socialPosts.approve(draft.id(), "\"v2\"", LOADER);
                        queued++;
                        day++;
                    } catch (org.imagehub.platform.errors.ValidationException e) {
                        if (e.errors().stream().noneMatch(error -> "not-live".equals(error.code()))) {
                            throw e;
                        }
                        // The story is not published in this language: try the next.
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return queued;
    }

    /** The demo scheduler and its well-known key (HUB_DEMO_SCHEDULER_KEY), on every start; null without a key. */
    private String ensureScheduler() {
        return config.demo().schedulerKey().map(key -> {
            consumers.ensureWithKey(DEMO_SCHEDULER, new ConsumerInput("Demo social scheduler", "social-scheduler", "mofa",
                    List.of(Scopes.SOCIAL_SCHEDULE), List.of(), List.of(), List.of(), 6000, true), key, Instant.now().plus(DEMO_KEY_LIFETIME), LOADER);
            return DEMO_SCHEDULER;
        }).orElse(null);
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String path, TypeReference<T> type) {
        try (InputStream in = resource(path)) {
            return objectMapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo file " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = DemoDataset.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Demo file " + path + " is missing from the build");
        }
        return in;
    }
}
