package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagehub.demo.embedded.EmbeddedStack;
import org.imagehub.demo.embedded.EmbeddedStackSettings;
import org.imagehub.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged hubs in the production profile on one database, as two replicas run in a cluster: timed actions
 * (scheduled publication, embargo lift, expiry) happen once and both replicas serve what follows at once; the demo sign-in, the demo dataset and the demo key do not exist there even when configured; health,
 * metrics and the API description answer only on the management port.
 */
class TwoReplicasIT {
    private static final String ISSUER = "image-hub-it";
    private static final String DEMO_KEY = "ihk_demo_embassy_key_for_local_use_only";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedStack stack;
    private static KeyPair signing;
    private static final List<HubProcess> replicas = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        stack = EmbeddedStack.start(EmbeddedStackSettings.forTests());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signing = generator.generateKeyPair();
        for (int i = 1; i <= 2; i++) {
            replicas.add(HubProcess.start("replica-" + i, config()));
        }
        for (HubProcess replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopAll() {
        replicas.forEach(HubProcess::stop);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void scheduledStoriesArePublishedOnceThoughBothReplicasRunTimedActions() throws Exception {
        HubProcess first = replicas.get(0);
        List<String> ids = new ArrayList<>();
        long run = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            String body = "{\"type\":\"article\",\"fields\":{\"dateline\":\"HUE\"},\"localizations\":[{\"lang\":\"vi\",\"title\":\"Lịch đăng "
                    + i + " " + run + "\",\"body\":\"<p>Nội dung.</p>\"}]}";
            String id = field(first.send("POST", "/api/v1/manage/stories", body, null).body(), "id");
            ids.add(id);
            String path = "/api/v1/manage/stories/" + id + "/localizations/vi/workflow";
            HubProcess replica = replicas.get(i % 2);
            replica.send("POST", path, "{\"action\":\"submit\"}", "\"v1\"");
            replica.send("POST", path, "{\"action\":\"approve\"}", "\"v2\"");
        }
        // All six due at the same moment, taken once they are approved: preparing them may take long on a busy machine.
        Instant at = Instant.now().plusSeconds(8);
        for (int i = 0; i < 6; i++) {
            String path = "/api/v1/manage/stories/" + ids.get(i) + "/localizations/vi/workflow";
            HubProcess replica = replicas.get(i % 2);
            HttpResponse<String> scheduled = replica.send("POST", path, "{\"action\":\"schedule\",\"at\":\"" + at + "\"}", "\"v3\"");
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("select count(*) from localization where story_id = any(?) and status = 'published'", ids) < ids.size()) {
            assertThat(System.nanoTime()).as("all six published within a minute").isLessThan(deadline);
            Thread.sleep(200);
        }
        for (String id : ids) {
            List<String> one = List.of(id);
            assertThat(count("select count(*) from audit_entry where target_id = any(?) and action = 'localization.publish'", one)).isEqualTo(1);
            assertThat(count("select count(*) from outbox_event where aggregate_id = any(?) and event_type = 'localization.published'", one))
                    .isEqualTo(1);
            assertThat(count("select count(*) from workflow_transition where story_id = any(?) and action = 'publish'", one)).isEqualTo(1);
        }
    }

    @Test
    void embargoesLiftAndStoriesExpireOnceAndBothReplicasServeWhatFollows() throws Exception {
        HubProcess first = replicas.get(0);
        HubProcess second = replicas.get(1);
        String key = readerKey("Replica reader", first, second);
        // Far enough ahead for four stories to be taken through review on a busy machine.
        Instant embargo = Instant.now().plusSeconds(15);
        Instant expiry = embargo.plusSeconds(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = "{\"type\":\"article\",\"fields\":{\"dateline\":\"HUE\"},\"embargoUntil\":\"" + embargo + "\",\"expiresAt\":\"" + expiry
                    + "\",\"localizations\":[{\"lang\":\"vi\",\"title\":\"Cấm vận " + i + " " + System.nanoTime() + "\",\"body\":\"<p>Nội dung.</p>\"}]}";
            HttpResponse<String> created = first.send("POST", "/api/v1/manage/stories", body, null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = field(created.body(), "id");
            ids.add(id);
            String path = "/api/v1/manage/stories/" + id + "/localizations/vi/workflow";
            HubProcess replica = replicas.get(i % 2);
            List<String> actions = List.of("submit", "approve", "publish");
            for (int version = 1; version <= actions.size(); version++) {
                HttpResponse<String> acted = replica.send("POST", path, "{\"action\":\"" + actions.get(version - 1) + "\"}", "\"v" + version + "\"");
                assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
            }
        }
        assertThat(Instant.now()).as("published before the embargo ends; raise the margin on a slower machine").isBefore(embargo);
        for (HubProcess replica : replicas) {
            assertThat(replica.read("/api/v1/stories/" + ids.get(0), key).statusCode()).as(replica.name() + " under embargo").isEqualTo(404);
        }

        Eventually.until("embargoes lifted", () -> uncheckedCount(
                "select count(*) from story where id = any(?) and embargo_lifted", ids), lifted -> lifted == ids.size());
        for (String id : ids) {
            for (HubProcess replica : replicas) {
                // Each replica's answer cache was emptied when the other lifted the embargo.
                Eventually.until(replica.name() + " serving " + id, () -> replica.read("/api/v1/stories/" + id, key).statusCode(),
                        status -> status == 200);
            }
        }
        Eventually.until("stories expired", () -> uncheckedCount(
                "select count(*) from localization where story_id = any(?) and status = 'withdrawn'", ids), expired -> expired == ids.size());
        for (String id : ids) {
            List<String> one = List.of(id);
            assertThat(count("select count(*) from audit_entry where target_id = any(?) and action = 'story.embargo-lifted'", one)).isEqualTo(1);
            assertThat(count("select count(*) from audit_entry where target_id = any(?) and action = 'localization.withdraw'", one)).isEqualTo(1);
            assertThat(count("select count(*) from delivery_tombstone where story_id = any(?) and reason = 'expired'", one)).isEqualTo(1);
            assertThat(count("select count(*) from delivery_item where story_id = any(?)", one)).isZero();
            for (HubProcess replica : replicas) {
                assertThat(replica.read("/api/v1/stories/" + id, key).statusCode()).as(replica.name() + " after expiry").isEqualTo(404);
            }
        }
    }

    @Test
    void aWithdrawalOnOneReplicaReachesTheOthersCachedDetailWhileOtherDetailsStay() throws Exception {
        HubProcess first = replicas.get(0);
        HubProcess second = replicas.get(1);
        String key = readerKey("Replica cache", first, first);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String body = "{\"type\":\"article\",\"fields\":{\"dateline\":\"HUE\"},\"localizations\":[{\"lang\":\"vi\",\"title\":\"Bộ nhớ đệm " + i + " "
                    + System.nanoTime() + "\",\"body\":\"<p>Nội dung.</p>\"}]}";
            String id = field(first.send("POST", "/api/v1/manage/stories", body, null).body(), "id");
            String path = "/api/v1/manage/stories/" + id + "/localizations/vi/workflow";
            first.send("POST", path, "{\"action\":\"submit\"}", "\"v1\"");
            first.send("POST", path, "{\"action\":\"approve\"}", "\"v2\"");
            assertThat(first.send("POST", path, "{\"action\":\"publish\"}", "\"v3\"").statusCode()).isEqualTo(200);
            ids.add(id);
        }
        for (String id : ids) {
            Eventually.until(second.name() + " serving " + id, () -> second.read("/api/v1/stories/" + id, key).statusCode(), status -> status == 200);
        }
        String withdrawn = ids.get(0);
        String localization = "/api/v1/manage/stories/" + withdrawn + "/localizations/vi";
        String etag = first.send("GET", localization, null, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> withdrawal = first.send("POST", localization + "/workflow", "{\"action\":\"withdraw\",\"comment\":\"Replica cache\"}", etag);
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        // The NOTIFY names the story: the second replica drops that detail, however warm, and keeps the other one.
        Eventually.until(second.name() + " no longer serving " + withdrawn, () -> second.read("/api/v1/stories/" + withdrawn, key).statusCode(),
                status -> status == 404);
        assertThat(second.read("/api/v1/stories/" + ids.get(1), key).statusCode()).isEqualTo(200);
    }

    @Test
    void webhooksReachEachSubscriberOnceFromBothReplicasAndAReplicaKilledMidFanOutLosesNone() throws Exception {
        java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> received = new java.util.concurrent.ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().startsWith("/hook-")) {
                // A subscription an earlier test left on this reused port: not one of ours, and not counted.
                exchange.sendResponseHeaders(410, -1);
                exchange.close();
                return;
            }
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), id -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            try {
                Thread.sleep(200); // a receiver that takes a moment, so deliveries are in flight when a replica dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HubProcess first = replicas.get(0);
            String consumer = field(first.send("POST", "/api/v1/manage/consumers", "{\"name\":\"IT embassy\",\"kind\":\"embassy-site\","
                    + "\"scopes\":[\"content:read\"],\"requestsPerMinute\":600,\"active\":true}", null).body(), "id");
            int subscribers = 20;
            for (int i = 0; i < subscribers; i++) {
                HttpResponse<String> subscribed = first.send("POST", "/api/v1/manage/consumers/" + consumer + "/webhooks", "{\"url\":\"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook-" + i + "\",\"eventTypes\":[\"story.published\"],\"maxConcurrency\":1}", null);
                assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            }
            int stories = 15;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < stories; i++) {
                String body = "{\"type\":\"article\",\"fields\":{\"dateline\":\"HUE\"},\"localizations\":[{\"lang\":\"vi\",\"title\":\"Tin "
                        + i + " " + System.nanoTime() + "\",\"body\":\"<p>Nội dung.</p>\"}]}";
                String id = field(first.send("POST", "/api/v1/manage/stories", body, null).body(), "id");
                ids.add(id);
                HubProcess replica = replicas.get(i % 2);
                String path = "/api/v1/manage/stories/" + id + "/localizations/vi/workflow";
                replica.send("POST", path, "{\"action\":\"submit\"}", "\"v1\"");
                replica.send("POST", path, "{\"action\":\"approve\"}", "\"v2\"");
                assertThat(replica.send("POST", path, "{\"action\":\"publish\"}", "\"v3\"").statusCode()).isEqualTo(200);
            }
            int expected = stories * subscribers;
            Eventually.until("deliveries under way", received::size, count -> count >= 20);
            int beforeKill = received.size();
            // kill -9 of the second replica while it fans out and sends; its claims lapse and the first replica takes them up.
            replicas.get(1).process().destroyForcibly().waitFor();
            replicas.set(1, HubProcess.start("replica-2-restarted", config()));
            replicas.get(1).awaitReady(Duration.ofSeconds(120));
            Eventually.until("every delivery received", received::size, count -> count >= expected);
            assertThat(received).hasSize(expected);
            assertThat(beforeKill).as("the kill landed mid-delivery").isLessThan(expected);
            long repeated = received.values().stream().filter(count -> count.get() > 1).count();
            // Only what the killed replica had in flight may come twice (receivers de-duplicate on webhook-id).
            assertThat(repeated).isLessThanOrEqualTo(32);
            Eventually.until("every delivery recorded as delivered", () -> uncheckedCount(
                    "select count(*) from webhook_delivery where story_id = any(?) and status = 'delivered'", ids), count -> count == expected);
            assertThat(uncheckedCount("select count(*) from webhook_delivery where story_id = any(?)", ids)).isEqualTo(expected);
        } finally {
            receiver.stop(0);
        }
    }

    private static long uncheckedCount(String sql, List<String> ids) {
        try {
            return count(sql, ids);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void theDemoDatasetAndKeyAreNotLoadedInTheProductionProfileEvenWhenConfigured() throws Exception {
        assertThat(count("select count(*) from story where external_id like 'demo-%' or organisation = any(?)",
                List.of("moct", "mic", "hue-province", "embassy-fr"))).isZero();
        assertThat(count("select count(*) from organisation where code = any(?)", List.of("mofa", "hue-province", "embassy-fr"))).isZero();
        assertThat(count("select count(*) from consumer where id = any(?)", List.of("demo-embassy"))).isZero();
        for (HubProcess replica : replicas) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(replica.base() + "/api/v1/stories"))
                    .header("X-Api-Key", DEMO_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        }
    }

    @Test
    void healthMetricsAndTheApiDescriptionAnswerOnlyOnTheManagementPort() throws Exception {
        for (HubProcess replica : replicas) {
            for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                HttpResponse<String> onApiPort = get(replica.base() + path);
                assertThat(onApiPort.statusCode()).as("API port " + path).isEqualTo(404);
                HttpResponse<String> onManagementPort = get(replica.managementBase() + path);
                assertThat(onManagementPort.statusCode()).as("management port " + path).isEqualTo(200);
            }
            assertThat(get(replica.managementBase() + "/q/metrics").body()).contains("http_server_requests");
            assertThat(get(replica.managementBase() + "/api/v1/content-model").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoSignInIsRefusedInTheProductionProfileEvenWhenItsFlagIsOn() throws Exception {
        for (HubProcess replica : replicas) {
            HttpResponse<String> answer = replica.send("POST", "/api/v1/demo/sign-in", "{\"username\":\"admin\",\"password\":\"demo-admin\"}", null);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("accessToken");
        }
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(replicas.get(0).base() + "/api/v1/manage/stories"))
                .header("Authorization", "Bearer " + tokenSignedBy(KeyPairGenerator.getInstance("RSA").generateKeyPair())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    /** A reading key of a new embassy-site consumer, the consumer made on one replica and its key on another. */
    private static String readerKey(String name, HubProcess consumerOn, HubProcess keyOn) throws IOException, InterruptedException {
        String consumer = field(consumerOn.send("POST", "/api/v1/manage/consumers",
                "{\"name\":\"" + name + " " + System.nanoTime() + "\",\"kind\":\"embassy-site\",\"scopes\":[\"content:read\"]}", null).body(), "id");
        return field(keyOn.send("POST", "/api/v1/manage/consumers/" + consumer + "/keys", "{}", null).body(), "key");
    }

    private static Map<String, String> config() {
        Map<String, String> config = new java.util.HashMap<>(stack.quarkusConfig());
        config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()));
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("hub.paging.cursor-secret", "two-replicas-it");
        config.put("hub.workflow.timed-actions-interval", "1s");
        // Webhook receivers of the tests run on this machine over http; a killed replica's claims lapse quickly.
        config.put("hub.webhooks.require-https", "false");
        config.put("hub.webhooks.allowed-networks", "127.0.0.1/32");
        config.put("hub.webhooks.claim-for", "5s");
        // Set on purpose, with a signing key: the production profile must refuse demo sign-in even so.
        config.put("hub.demo.sign-in-enabled", "true");
        config.put("hub.demo.signing-key", Base64.getEncoder().encodeToString(signing.getPrivate().getEncoded()));
        // Likewise: the production profile must not load the demo dataset nor register the demo key.
        config.put("hub.demo.load-dataset", "true");
        config.put("hub.demo.api-key", DEMO_KEY);
        return config;
    }

    static String tokenSignedBy(KeyPair pair) {
        return Jwt.issuer(ISSUER).audience("image-hub").subject("it-admin").upn("it-admin").claim("org", "mofa").groups(Set.of("admin", "approver"))
                .expiresIn(3600).sign(pair.getPrivate());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    private static long count(String sql, List<String> ids) throws SQLException {
        Map<String, String> config = stack.quarkusConfig();
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One packaged hub, run with `java -jar` in the production profile, its log in target/. */
    record HubProcess(String name, Process process, int port, int managementPort) {
        static HubProcess start(String name, Map<String, String> config) throws IOException {
            int port = freePort();
            int managementPort = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.management.port=" + managementPort);
            command.add("-jar");
            command.add(System.getProperty("hub.packaged-app", "target/quarkus-app/quarkus-run.jar"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "it-" + name + ".log").toFile()).start();
            return new HubProcess(name, process, port, managementPort);
        }

        private static int freePort() throws IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        String managementBase() {
            return "http://127.0.0.1:" + managementPort;
        }

        void awaitReady(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as(name + " exited; see target/it-" + name + ".log").isTrue();
                try {
                    HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(managementBase() + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError(name + " was not ready within " + timeout);
        }

        HttpResponse<String> send(String method, String path, String body, String ifMatch) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + tokenSignedBy(signing)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A delivery read with an API key. */
        HttpResponse<String> read(String path, String apiKey) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("X-Api-Key", apiKey).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
