package org.imagehub.platform.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.imagehub.security.Editor;
import org.imagehub.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo dataset (topics, key messages, 14 stories in five languages, published) into an empty hub,
 * through the same services editors use. Only when {@code hub.demo.load-dataset} is on (the demo profile).
 */
@ApplicationScoped
public class DemoDataset {
    private static final Logger LOG = Logger.getLogger(DemoDataset.class);
    /** The consumer whose key is HUB_DEMO_API_KEY: reads everything published, in every language. */
    public static final String DEMO_CONSUMER = "demo-embassy";
    private static final Editor LOADER = new Editor("demo-loader", "mofa", Set.of(Roles.ADMIN, Roles.APPROVER, Roles.EDITOR), true);

    private final HubConfig config;
    private final TopicService topics;
    private final KeyMessageService keyMessages;
    private final StoryImporter importer;
    private final WorkflowService workflow;
    private final ConsumerService consumers;
    private final OrganisationService organisations;
    private final ObjectMapper objectMapper;
    private final int httpPort;

    public DemoDataset(HubConfig config, TopicService topics, KeyMessageService keyMessages, StoryImporter importer,
            WorkflowService workflow, OrganisationService organisations, ConsumerService consumers, ObjectMapper objectMapper,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.httpPort = httpPort;
        this.config = config;
        this.topics = topics;
        this.keyMessages = keyMessages;
        this.importer = importer;
        this.workflow = workflow;
        this.consumers = consumers;
        this.organisations = organisations;
        this.objectMapper = objectMapper;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.demo().loadDataset()) {
            return;
        }
        if (Story.count() == 0) {
            load();
        }
        config.demo().apiKey().ifPresent(key -> consumers.ensureWithKey(DEMO_CONSUMER, new ConsumerInput("Demo embassy site", "embassy-site",
                "embassy-fr", List.of(Scopes.CONTENT_READ), List.of(), List.of(), List.of(), 6000, true), key, LOADER));
        String base = "http://localhost:" + httpPort;
        LOG.infof("%n%n  Image Hub demo is up.%n  API:        %s/api/v1/content-model  (management: %s/api/v1/manage/...)%n"
                + "  Swagger UI: %s/q/swagger-ui%n  OpenAPI:    %s/q/openapi%n  Health:     %s/q/health/ready%n"
                + "  Sign in:    POST %s/api/v1/demo/sign-in {\"username\":\"editor.mofa\",\"password\":\"demo-editor\"}%n"
                + "  API key:    the value of HUB_DEMO_API_KEY (see README), e.g. curl -H 'X-Api-Key: ...' %s/api/v1/stories%n"
                + "  Stop with Ctrl-C.%n", base, base, base, base, base, base, base);
    }

    private void load() throws IOException {
        Map<String, OrganisationInput> organisationInputs = read("/demo/organisations.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> organisationInputs.forEach((code, input) -> organisations.save(code, input, null, LOADER)));
        List<TopicInput> topicInputs = read("/demo/topics.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> topicInputs.forEach(topic -> topics.save(topic, LOADER)));
        List<KeyMessageInput> messages = read("/demo/key-messages.json", new TypeReference<>() { });
        QuarkusTransaction.requiringNew().run(() -> messages.forEach(message -> keyMessages.create(message, LOADER, null)));
        List<String> storyIds = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (InputStream stories = resource("/demo/stories.ndjson")) {
            importer.importStories(stories, LOADER, result -> {
                if (result.id() != null) {
                    storyIds.add(result.id());
                } else {
                    failures.add("line " + result.line() + ": " + result.detail() + " " + result.errors());
                }
            });
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The demo dataset does not import cleanly: " + failures);
        }
        int published = storyIds.stream().mapToInt(id -> workflow.publishDrafts(id, LOADER)).sum();
        LOG.infof("Demo dataset loaded: %d organisations, %d topics, %d key messages, %d stories, %d localizations published",
                organisationInputs.size(), topicInputs.size(), messages.size(), storyIds.size(), published);
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
