package org.imagehub.platform;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.imagehub.platform.embedded.EmbeddedStack;
import org.imagehub.platform.embedded.EmbeddedStackSettings;
import org.imagehub.security.DemoSigningKeys;

/**
 * Entry point. In the {@code demo} profile the hub first starts its own PostgreSQL, Elasticsearch and S3 server
 * and points itself at them, so one command runs everything; in any other profile it connects to the services
 * it is configured for.
 */
@QuarkusMain
public final class HubMain {

    public static void main(String... args) {
        if (demoProfileActive()) {
            EmbeddedStack stack = EmbeddedStack.start(EmbeddedStackSettings.forDemo());
            stack.quarkusConfig().forEach(System::setProperty);
            DemoSigningKeys.generateConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterHub(stack), "embedded-stack-shutdown"));
        }
        Quarkus.run(args);
    }

    /** Shutdown hooks run concurrently: let the hub finish its work on the stack before the stack goes away. */
    private static void stopAfterHub(EmbeddedStack stack) {
        Application hub = Application.currentApplication();
        if (hub != null) {
            try {
                CompletableFuture.runAsync(hub::awaitShutdown).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Stop the stack anyway: leaving servers behind is worse than a noisy shutdown.
            }
        }
        stack.close();
    }

    private static boolean demoProfileActive() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile != null && java.util.Arrays.asList(profile.split(",")).contains("demo");
    }
}
