package org.imagehub.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.elasticsearch.client.RestClient;

/** The official Java client over the low-level REST client that Quarkus configures ({@code quarkus.elasticsearch.*}). */
@ApplicationScoped
public class ElasticsearchClientProducer {

    @Produces
    @Singleton
    ElasticsearchClient elasticsearchClient(RestClient restClient, ObjectMapper objectMapper) {
        // The client reads each _source as one value inside a larger response: a copy of the application's mapper
        // that allows tokens after the value (which request bodies and import lines may not have).
        ObjectMapper embedded = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(embedded)));
    }
}
