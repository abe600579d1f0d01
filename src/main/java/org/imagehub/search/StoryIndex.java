package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.imagehub.platform.HubConfig;
import org.jboss.logging.Logger;

/**
 * The stories index: one document per localization ({@code storyId:lang}), written and read through the alias
 * {@code <prefix>-stories}, behind which sits one index version ({@code <prefix>-stories-v1}, v2 after a reindex…).
 * Created on first use (and tried at start), so the hub starts while Elasticsearch is down.
 */
@ApplicationScoped
public class StoryIndex {
    private static final Logger LOG = Logger.getLogger(StoryIndex.class);
    static final String TEXT_FIELDS = "Title,Summary,Body,Folded";

    private final RestClient client;
    private final ObjectMapper json;
    private final String alias;
    private volatile boolean ready;
    private volatile List<String> plugins = List.of();
    private volatile LanguageAnalysis languages = LanguageAnalysis.fallback();

    public StoryIndex(RestClient client, ObjectMapper json, HubConfig config) {
        this.client = client;
        this.json = json;
        this.alias = config.search().indexPrefix() + "-stories";
    }

    void onStart(@Observes StartupEvent start) {
        try {
            ensure();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Search index not prepared at start (%s); it is created on first use", e.getMessage());
        }
    }

    public String alias() {
        return alias;
    }

    public String versionName(int version) {
        return alias + "-v" + version;
    }

    /** What analysis new index versions use per language and what the cluster offers, for the readiness details. */
    public Map<String, Object> analysis() {
        return Map.of("mode", "per-language fields (languageAnalyzers) beside standard fields with Java-side diacritic folding; "
                        + "Han also as one-character phrases",
                "languageAnalyzers", languages.report().toString(),
                "clusterPlugins", String.join(",", plugins));
    }

    /** Creates the first index version and the alias when the alias does not exist yet. */
    public void ensure() throws IOException {
        if (ready) {
            return;
        }
        plugins = detectPlugins();
        languages = LanguageAnalysis.detect(this);
        if (exists(alias)) {
            addLanguageFieldsIfMissing();
        } else {
            create(versionName(1));
            try {
                send("POST", "/_aliases", Map.of("actions", List.of(Map.of("add", Map.of("index", versionName(1), "alias", alias)))));
            } catch (ResponseException e) {
                if (!exists(alias)) {
                    throw e;
                }
            }
        }
        ready = true;
    }

    /** Forget what was checked: the next write checks again (after a failure, the index may have been deleted). */
    void recheck() {
        ready = false;
    }

    public void create(String index) throws IOException {
        if (exists(index)) {
            return;
        }
        try {
            send("PUT", "/" + index, mapping());
        } catch (ResponseException e) {
            if (!exists(index)) {
                throw e;
            }
        }
    }

    /** The concrete indexes behind the alias (one, except for a moment during a reindex). */
    public List<String> indexesBehindAlias() throws IOException {
        try {
            JsonNode answer = send("GET", "/_alias/" + alias, null);
            List<String> names = new ArrayList<>();
            answer.fieldNames().forEachRemaining(names::add);
            return names;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    boolean exists(String name) throws IOException {
        Request request = new Request("HEAD", "/" + name);
        try {
            Response response = client.performRequest(request);
            return response.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * An index version created before the per-language fields existed gets them with the standard analyzer (analyzers
     * cannot be added to an open index): documents stay writable, and a reindex brings the chosen analyzers.
     */
    private void addLanguageFieldsIfMissing() throws IOException {
        JsonNode mappings = send("GET", "/" + alias + "/_mapping", null);
        for (JsonNode index : mappings) {
            if (index.path("mappings").path("properties").has("liveText_" + LanguageAnalysis.LANGUAGES.get(0))) {
                continue;
            }
            ObjectNode properties = json.createObjectNode();
            languageFields(properties, lang -> "standard");
            ObjectNode body = json.createObjectNode();
            body.set("properties", properties);
            send("PUT", "/" + alias + "/_mapping", body);
            LOG.warnf("Search index behind %s predates per-language analysis: fields added with the standard analyzer; reindex to use %s",
                    alias, languages.report());
            return;
        }
    }

    /** {@code draftTitle_fr}, {@code draftText_fr} (summary and body), {@code liveTitle_fr}… for every language. */
    private static void languageFields(ObjectNode properties, java.util.function.Function<String, String> analyzer) {
        for (String prefix : List.of("draft", "live")) {
            for (String lang : LanguageAnalysis.LANGUAGES) {
                for (String field : List.of("Title_", "Text_")) {
                    properties.putObject(prefix + field + lang).put("type", "text").put("analyzer", analyzer.apply(lang));
                }
            }
        }
    }

    private List<String> detectPlugins() {
        try {
            JsonNode nodes = send("GET", "/_nodes/plugins?filter_path=nodes.*.plugins.name", null).path("nodes");
            TreeSet<String> names = new TreeSet<>();
            nodes.forEach(node -> node.path("plugins").forEach(plugin -> names.add(plugin.path("name").asText())));
            return List.copyOf(names);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private ObjectNode mapping() {
        ObjectNode body = json.createObjectNode();
        ObjectNode settings = body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0).put("refresh_interval", "1s");
        settings.set("analysis", languages.settings(json));
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        for (String keyword : List.of("docId", "storyId", "lang", "type", "organisation", "priority", "topics", "countries", "keyMessages",
                "status", "slug")) {
            properties.putObject(keyword).put("type", "keyword");
        }
        properties.putObject("live").put("type", "boolean");
        properties.putObject("version").put("type", "long");
        for (String date : List.of("embargoUntil", "expiresAt", "firstPublishedAt", "publishedAt", "updatedAt")) {
            properties.putObject(date).put("type", "date");
        }
        for (String prefix : List.of("draft", "live")) {
            for (String field : TEXT_FIELDS.split(",")) {
                properties.putObject(prefix + field).put("type", "text").put("analyzer", "standard");
            }
        }
        languageFields(properties, LanguageAnalysis::analyzerName);
        properties.putObject("draftSlug").put("type", "keyword").put("index", false);
        return body;
    }

    /** One request with a JSON body (or none); the answer parsed. */
    JsonNode send(String method, String path, Object body) throws IOException {
        return send(method, path, body, null);
    }

    /**
     * As {@link #send(String, String, Object)} with its own time-outs (null: the client's), for requests made while
     * answering another feature's request (a story detail, a save), which must not wait the usual ten seconds.
     */
    JsonNode send(String method, String path, Object body, java.time.Duration timeout) throws IOException {
        Request request = new Request(method, path);
        if (timeout != null) {
            int millis = (int) timeout.toMillis();
            request.setOptions(org.elasticsearch.client.RequestOptions.DEFAULT.toBuilder().setRequestConfig(
                    org.apache.http.client.config.RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis).build()));
        }
        if (body != null) {
            request.setEntity(new NStringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        }
        return read(client.performRequest(request));
    }

    /** A bulk request (NDJSON). */
    JsonNode bulk(String ndjson, boolean refresh) throws IOException {
        Request request = new Request("POST", "/_bulk");
        if (refresh) {
            request.addParameter("refresh", "true");
        }
        request.setEntity(new NStringEntity(ndjson, ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        return read(client.performRequest(request));
    }

    private JsonNode read(Response response) throws IOException {
        if (response.getEntity() == null) {
            return json.createObjectNode();
        }
        return json.readTree(response.getEntity().getContent());
    }

    ObjectMapper json() {
        return json;
    }
}
