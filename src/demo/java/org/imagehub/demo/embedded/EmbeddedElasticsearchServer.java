package org.imagehub.demo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A real Elasticsearch 9 node run as a child process from the pinned distribution the build unpacked.
 * Elasticsearch refuses to run as root, so as root the node runs as an unprivileged user from a place that user
 * can reach (see {@link ElasticsearchLayout}).
 */
public final class EmbeddedElasticsearchServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedElasticsearchServer.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ElasticsearchLayout layout;
    private final Path javaHome;
    private final int httpPort;
    private final int transportPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedElasticsearchServer(ElasticsearchLayout layout, Path javaHome, int httpPort, int transportPort) {
        this.layout = layout;
        this.javaHome = javaHome;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    static EmbeddedElasticsearchServer start(EmbeddedStackSettings settings) {
        Path javaHome = JavaRuntimes.forElasticsearch(settings.elasticsearchJavaHome());
        int httpPort = FreePorts.resolve(settings.elasticsearchPort());
        int transportPort = FreePorts.resolve(0);
        ElasticsearchLayout layout = ElasticsearchLayout.prepare(settings, httpPort, transportPort);
        AnalysisPluginInstaller.ensureInstalled(settings.elasticsearchDistribution(), layout.home(), javaHome);
        EmbeddedElasticsearchServer server = new EmbeddedElasticsearchServer(layout, javaHome, httpPort, transportPort);
        server.startProcess();
        return server;
    }

    /** Starts the node on the same ports and data as before; used at start and to prove the hub recovers. */
    public void startProcess() {
        List<String> command = new ArrayList<>();
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_JAVA_OPTS", "-Xms256m -Xmx256m -XX:-UsePerfData",
                "ES_PATH_CONF", layout.config().toString(),
                "ES_TMPDIR", layout.tmp().toString(),
                "CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + layout.tmp());
        // The embedded node shares the hub's cores (in production it has its own): at a lower priority, its indexing
        // catches up in the gaps instead of taking CPU from requests (the index follows through the outbox anyway).
        command.addAll(List.of("nice", "-n", "10"));
        if (layout.runAsUser().isPresent()) {
            command.addAll(List.of("runuser", "-u", layout.runAsUser().get(), "--", "env"));
            environment.forEach((key, value) -> command.add(key + "=" + value));
        }
        command.addAll(List.of(layout.home().resolve("bin/elasticsearch").toString(), "-d", "-p", layout.pidFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(layout.launcherLog().toFile());
        builder.environment().putAll(environment);
        try {
            Process launcher = builder.start();
            if (!launcher.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || launcher.exitValue() != 0) {
                launcher.destroyForcibly();
                throw new IllegalStateException("Elasticsearch launcher failed; see " + layout.launcherLog()
                        + ":\n" + tail(layout.launcherLog()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch Elasticsearch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
        }
        Polling.until("Elasticsearch cluster health yellow on port " + httpPort, START_TIMEOUT.toMillis(), this::healthy);
        LOG.infof("Embedded Elasticsearch up on 127.0.0.1:%d (pid %s)", httpPort, pid().map(String::valueOf).orElse("?"));
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s) and keeps its data for a later {@link #startProcess()}. */
    public void stopProcess() {
        pid().flatMap(ProcessHandle::of).ifPresent(ElasticsearchLayout::terminate);
        layout.clearPidFile();
    }

    int httpPort() {
        return httpPort;
    }

    Map<String, String> quarkusConfig() {
        return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + httpPort);
    }

    private boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Long> pid() {
        return layout.readPid();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no launcher output)";
        }
    }

    @Override
    public void close() {
        stopProcess();
        layout.delete();
    }
}
