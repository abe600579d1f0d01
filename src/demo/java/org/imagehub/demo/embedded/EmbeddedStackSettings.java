package org.imagehub.demo.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how the embedded stack runs. Read before Quarkus boots (the stack must be up before the
 * datasource is), so these come from system properties or environment variables, not from Quarkus config.
 */
public record EmbeddedStackSettings(
        Path workDir,
        Path elasticsearchDistribution,
        Optional<Path> elasticsearchJavaHome,
        int postgresPort,
        int elasticsearchPort,
        int objectStorePort,
        String objectStoreAccessKey,
        String objectStoreSecretKey,
        boolean objectStoreInMemory,
        boolean postgresStopsAtJvmExit) {

    /** Settings of the demo run: fixed, documented ports that the environment may override. */
    public static EmbeddedStackSettings forDemo() {
        return new EmbeddedStackSettings(
                Path.of(setting("embedded.work-dir", "HUB_EMBEDDED_WORK_DIR", "target/embedded")).toAbsolutePath(),
                distribution(),
                javaHomeOverride(),
                Integer.parseInt(setting("embedded.postgres-port", "HUB_EMBEDDED_POSTGRES_PORT", "15432")),
                Integer.parseInt(setting("embedded.elasticsearch-port", "HUB_EMBEDDED_ELASTICSEARCH_PORT", "9201")),
                Integer.parseInt(setting("embedded.object-store-port", "HUB_EMBEDDED_OBJECT_STORE_PORT", "9000")),
                "imagehub-demo",
                "imagehub-demo-secret",
                false,
                // HubMain stops the stack after the hub has finished (e.g. revoked the demo key), not beside it.
                false);
    }

    /** Settings of a test run: random free ports, an in-memory object store, everything under target/. */
    public static EmbeddedStackSettings forTests() {
        return new EmbeddedStackSettings(
                Path.of(setting("embedded.work-dir", "HUB_EMBEDDED_WORK_DIR", "target/embedded-test")).toAbsolutePath(),
                distribution(),
                javaHomeOverride(),
                0, 0, 0,
                "imagehub-test",
                "imagehub-test-secret",
                true,
                true);
    }

    private static Path distribution() {
        return Path.of(setting("embedded.elasticsearch-dist", "HUB_ELASTICSEARCH_DIST", "target/elasticsearch")).toAbsolutePath();
    }

    private static Optional<Path> javaHomeOverride() {
        return Optional.ofNullable(System.getProperty("embedded.elasticsearch-java-home", System.getenv("ES_JAVA_HOME")))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }

    static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
