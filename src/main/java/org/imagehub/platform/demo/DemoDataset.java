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
import java.util.Set;
import org.imagehub.content.importing.StoryImporter;
import org.imagehub.content.keymessage.KeyMessageInput;
import org.imagehub.content.keymessage.KeyMessageService;
import org.imagehub.content.story.Story;
import org.imagehub.content.topic.TopicInput;
import org.imagehub.content.topic.TopicService;
import org.imagehub.content.workflow.PublicationService;
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
    private static final Editor LOADER = new Editor("demo-loader", "mofa", Set.of(Roles.ADMIN, Roles.APPROVER, Roles.EDITOR));

    private final HubConfig config;
    private final TopicService topics;
    private final KeyMessageService keyMessages;
    private final StoryImporter importer;
    private final PublicationService publication;
    private final ObjectMapper objectMapper;
    private final int httpPort;

    public DemoDataset(HubConfig config, TopicService topics, KeyMessageService keyMessages, StoryImporter importer,
            PublicationService publication, ObjectMapper objectMapper,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.httpPort = httpPort;
        this.config = config;
        this.topics = topics;
        this.keyMessages = keyMessages;
        this.importer = importer;
        this.publication = publication;
        this.objectMapper = objectMapper;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!config.demo().loadDataset()) {
            return;
        }
        if (Story.count() == 0) {
            load();
        }
        String base = "http://localhost:" + httpPort;
        LOG.infof("%n%n  Image Hub demo is up.%n  API:        %s/api/v1/content-model  (management: %s/api/v1/manage/...)%n"
                + "  Swagger UI: %s/q/swagger-ui%n  OpenAPI:    %s/q/openapi%n  Health:     %s/q/health/ready%n"
                + "  Sign in:    POST %s/api/v1/demo/sign-in {\"username\":\"editor.mofa\",\"password\":\"demo-editor\"}%n"
                + "  Stop with Ctrl-C.%n", base, base, base, base, base, base);
    }

    private void load() throws IOException {
        List<TopicInput> topicInputs = read("/demo/topics.json", new TypeReference<>() { });
        topicInputs.forEach(topics::save);
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
        int published = publication.publishAllDrafts(storyIds, LOADER);
        LOG.infof("Demo dataset loaded: %d topics, %d key messages, %d stories, %d localizations published",
                topicInputs.size(), messages.size(), storyIds.size(), published);
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
