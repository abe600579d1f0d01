package org.imagehub.demo.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.imagehub.app.DemoStack;
import org.jboss.logging.Logger;

/**
 * PostgreSQL, Elasticsearch and an S3 server, started side by side for the demo profile and the test suite.
 * The hub itself does not know it runs on them: it only receives the connection settings of {@link #quarkusConfig()}.
 */
public final class EmbeddedStack implements DemoStack {
    private static final Logger LOG = Logger.getLogger(EmbeddedStack.class);

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedElasticsearchServer elasticsearch;
    private final EmbeddedObjectStore objectStore;

    private EmbeddedStack(EmbeddedPostgresServer postgres, EmbeddedElasticsearchServer elasticsearch, EmbeddedObjectStore objectStore) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
        this.objectStore = objectStore;
    }

    public static EmbeddedStack start(EmbeddedStackSettings settings) {
        long started = System.nanoTime();
        CompletableFuture<EmbeddedElasticsearchServer> elasticsearch =
                CompletableFuture.supplyAsync(() -> EmbeddedElasticsearchServer.start(settings));
        CompletableFuture<EmbeddedPostgresServer> postgres =
                CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(settings.workDir(), settings.postgresPort(), settings.postgresStopsAtJvmExit()));
        CompletableFuture<EmbeddedObjectStore> objectStore =
                CompletableFuture.supplyAsync(() -> EmbeddedObjectStore.start(settings));
        try {
            CompletableFuture.allOf(elasticsearch, postgres, objectStore).join();
        } catch (CompletionException e) {
            // Whatever did start must not outlive the failure.
            elasticsearch.thenAccept(EmbeddedElasticsearchServer::close);
            postgres.thenAccept(EmbeddedPostgresServer::close);
            objectStore.thenAccept(EmbeddedObjectStore::close);
            throw new IllegalStateException("The embedded stack did not start: " + e.getCause().getMessage(), e.getCause());
        }
        EmbeddedStack stack = new EmbeddedStack(postgres.join(), elasticsearch.join(), objectStore.join());
        LOG.infof("Embedded stack up in %d ms: PostgreSQL on 127.0.0.1:%d, Elasticsearch on 127.0.0.1:%d, S3 on %s",
                (System.nanoTime() - started) / 1_000_000, stack.postgres.port(), stack.elasticsearch.httpPort(),
                stack.objectStore.endpoint());
        return stack;
    }

    /** How HubMain finds the stack in the demo build (META-INF/services), without naming this class. */
    public static final class DemoStarter implements DemoStack.Starter {
        @Override
        public DemoStack startForDemo() {
            return start(EmbeddedStackSettings.forDemo());
        }
    }

    /** The settings that point the hub at this stack, as Quarkus configuration keys. */
    @Override
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        config.putAll(postgres.quarkusConfig());
        config.putAll(elasticsearch.quarkusConfig());
        config.putAll(objectStore.quarkusConfig());
        return config;
    }

    public EmbeddedElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public EmbeddedObjectStore objectStore() {
        return objectStore;
    }

    @Override
    public void close() {
        // Stop all three even if one fails, so nothing is left running.
        RuntimeException failure = null;
        for (AutoCloseable part : new AutoCloseable[] {elasticsearch, objectStore, postgres}) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("The embedded stack did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
