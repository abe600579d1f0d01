package org.imagehub.app;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.ServiceLoader;

/**
 * Entry point. In the {@code demo} profile the hub first starts its own PostgreSQL, Elasticsearch and S3 server
 * and points itself at them, so one command runs everything; in any other profile it connects to the services
 * it is configured for. The embedded servers exist only in the demo build ({@code -Pdemo}); a production artifact
 * asked for the demo profile stops with a message instead of failing on a missing class.
 */
@QuarkusMain
public final class HubMain {

    public static void main(String... args) {
        handMalformedRequestsToTheHub();
        if (demoProfileActive()) {
            DemoStack stack = startDemoStack();
            stack.quarkusConfig().forEach(System::setProperty);
            ServiceLoader.load(DemoStack.Settings.class, HubMain.class.getClassLoader())
                    .forEach(settings -> settings.quarkusConfig().forEach(System::setProperty));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterHub(stack), "embedded-stack-shutdown"));
        }
        Quarkus.run(args);
    }

    /**
     * Without these, the HTTP codec answers a malformed request target or a control character in a header itself,
     * with an empty 400; with them, such a request reaches {@code platform/http/RequestEdge}, which answers with
     * problem+json, and {@code platform/http/ResponseHeaderGuard} keeps response headers free of line breaks. Read
     * once when Vert.x loads, so they are set before anything else runs; tests set them in the pom.
     */
    private static void handMalformedRequestsToTheHub() {
        System.setProperty("vertx.disableURIValidation", "true");
        System.setProperty("vertx.disableHttpHeadersValidation", "true");
    }

    /** Shutdown hooks run concurrently: let the hub finish its work on the stack before the stack goes away. */
    private static DemoStack startDemoStack() {
        // Looked up, not referenced: the production build has no implementation (nor PostgreSQL binaries, nor S3Proxy).
        DemoStack.Starter starter = ServiceLoader.load(DemoStack.Starter.class, HubMain.class.getClassLoader()).findFirst().orElse(null);
        if (starter == null) {
            System.err.println("The demo profile needs the embedded PostgreSQL, Elasticsearch and S3 server, which this build "
                    + "leaves out (it is a production artifact). Use ./run-hub, or build with ./mvnw -Pdemo package and run "
                    + "target/demo/quarkus-app/quarkus-run.jar; or run without the demo profile against real services.");
            System.exit(2);
        }
        return starter.startForDemo();
    }

    private static void stopAfterHub(DemoStack stack) {
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
