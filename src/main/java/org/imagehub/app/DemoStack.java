package org.imagehub.app;

import java.util.Map;

/**
 * The servers a demo run starts for itself (PostgreSQL, Elasticsearch, S3). Only the demo build ({@code -Pdemo},
 * sources in {@code src/demo}) has an implementation, found through {@link Starter} with {@link java.util.ServiceLoader},
 * so the production artifact carries neither the embedded servers nor their dependencies.
 */
public interface DemoStack extends AutoCloseable {

    /** The settings that point the hub at these servers, as Quarkus configuration keys. */
    Map<String, String> quarkusConfig();

    @Override
    void close();

    /** Registered in META-INF/services of the demo build. */
    interface Starter {
        DemoStack startForDemo();
    }

    /**
     * Configuration a feature needs for a demo run beyond the servers (the security feature's throw-away signing
     * keys, say), found with {@link java.util.ServiceLoader} so that the entry point names no feature.
     */
    interface Settings {
        Map<String, String> quarkusConfig();
    }
}
