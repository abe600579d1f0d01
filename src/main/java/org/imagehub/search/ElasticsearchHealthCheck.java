package org.imagehub.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/** UP while the cluster answers with status green or yellow; the client reconnects by itself when it returns. */
@Readiness
@ApplicationScoped
public class ElasticsearchHealthCheck implements HealthCheck {
    private final RestClient restClient;
    private final StoryIndex index;
    private final SearchConsistency consistency;

    public ElasticsearchHealthCheck(RestClient restClient, StoryIndex index, SearchConsistency consistency) {
        this.restClient = restClient;
        this.index = index;
        this.consistency = consistency;
    }

    private String lastCheck() {
        SearchConsistency.Result last = consistency.last();
        if (last == null) {
            return "not run yet";
        }
        return last.error() != null ? last.at() + " failed: " + last.error()
                : last.at() + ": " + last.documents() + " documents; found missing " + last.missing() + ", stale " + last.stale() + ", extra "
                        + last.extra() + "; " + last.repairedStories() + " stories repaired; drift " + last.drift()
                        + "; " + last.behind() + " stories behind (queued for the indexer)";
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Request request = new Request("GET", "/_cluster/health");
            request.addParameter("filter_path", "status");
            Response response = restClient.performRequest(request);
            String body = new String(response.getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean usable = body.contains("green") || body.contains("yellow");
            return HealthCheckResponse.named("elasticsearch").status(usable).withData("cluster", body).withData("index", index.alias())
                    .withData("analysis", index.analysis().get("mode").toString())
                    .withData("languageAnalyzers", index.analysis().get("languageAnalyzers").toString())
                    .withData("clusterPlugins", index.analysis().get("clusterPlugins").toString())
                    .withData("consistencyCheck", lastCheck()).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("elasticsearch").down().withData("error", String.valueOf(e.getMessage()))
                    .withData("consistencyCheck", lastCheck()).build();
        }
    }
}
