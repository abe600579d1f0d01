package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.imagehub.media.ObjectStorage;
import org.junit.jupiter.api.Test;

/** The hub's own clients against the real servers of the embedded stack: no fakes anywhere. */
@QuarkusTest
class RealServicesRoundTripTests {
    private static final String UKRAINIAN = "Джерело: Міністерство закордонних справ — 对外信息 — Tạo chuyển biến";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ObjectStorage storage;

    @Test
    void postgresKeepsARowWithUnicodeIntact() throws Exception {
        String key = "roundtrip-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into idempotency_record (scope, idem_key, request_hash, status, response_body) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, "test");
                insert.setString(2, key);
                insert.setString(3, "hash");
                insert.setInt(4, 201);
                insert.setString(5, UKRAINIAN);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select response_body, version() from idempotency_record where scope = 'test' and idem_key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(UKRAINIAN);
                    assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
                }
            }
        }
    }

    @Test
    void elasticsearchIndexesAndReturnsADocument() throws Exception {
        String index = "roundtrip-" + UUID.randomUUID();
        elasticsearch.indices().create(create -> create.index(index));
        elasticsearch.index(request -> request.index(index).id("1").document(Map.of("title", UKRAINIAN)).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));

        @SuppressWarnings("rawtypes")
        GetResponse<Map> found = elasticsearch.get(get -> get.index(index).id("1"), Map.class);
        assertThat(found.found()).isTrue();
        assertThat(found.source()).containsEntry("title", UKRAINIAN);
        assertThat(elasticsearch.cluster().health().clusterName()).isEqualTo("image-hub-embedded");

        elasticsearch.indices().delete(delete -> delete.index(index));
    }

    @Test
    void objectStorageStoresAndReturnsBytes() throws Exception {
        byte[] bytes = UKRAINIAN.getBytes(StandardCharsets.UTF_8);
        String key = "roundtrip/" + UUID.randomUUID() + ".txt";

        storage.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/plain; charset=utf-8");

        try (InputStream stored = storage.get(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(storage.stat(key)).hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(bytes.length));
        storage.delete(key);
        assertThat(storage.stat(key)).isEmpty();
    }
}
