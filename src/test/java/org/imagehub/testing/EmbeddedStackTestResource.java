package org.imagehub.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.imagehub.demo.embedded.EmbeddedElasticsearchServer;
import org.imagehub.demo.embedded.EmbeddedStack;
import org.imagehub.demo.embedded.EmbeddedStackSettings;
import org.imagehub.security.DemoSigningKeys;

/**
 * Starts the real PostgreSQL, Elasticsearch and S3 server once for the whole test run (see {@link HubTestStack})
 * and points the hub at them.
 */
public class EmbeddedStackTestResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedStack stack;

    @Override
    public Map<String, String> start() {
        stack = EmbeddedStack.start(EmbeddedStackSettings.forTests());
        Map<String, String> config = new HashMap<>(stack.quarkusConfig());
        config.putAll(DemoSigningKeys.generateConfig());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stack.elasticsearch(),
                new TestInjector.AnnotatedAndMatchesType(InjectElasticsearchServer.class, EmbeddedElasticsearchServer.class));
        injector.injectIntoFields(stack.objectStore(),
                new TestInjector.AnnotatedAndMatchesType(InjectObjectStore.class, org.imagehub.demo.embedded.EmbeddedObjectStore.class));
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
