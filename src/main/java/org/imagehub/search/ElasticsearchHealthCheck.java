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

    public ElasticsearchHealthCheck(RestClient restClient) {
        this.restClient = restClient;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Request request = new Request("GET", "/_cluster/health");
            request.addParameter("filter_path", "status");
            Response response = restClient.performRequest(request);
            String body = new String(response.getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean usable = body.contains("green") || body.contains("yellow");
            return HealthCheckResponse.named("elasticsearch").status(usable).withData("cluster", body).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("elasticsearch").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
