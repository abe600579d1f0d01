package org.imagehub.demo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files of one embedded Elasticsearch node: the distribution (home), and a run folder with config, data,
 * logs, tmp and the pid file. As root, Elasticsearch runs as the unprivileged user {@value #SERVICE_USER}, which
 * must be able to traverse every parent folder; a checkout under /root is not, so then both are placed under
 * {@value #SHARED_BASE}.
 */
record ElasticsearchLayout(Path home, Path run, Optional<String> runAsUser) {
    static final String SERVICE_USER = "elastic";
    static final String SHARED_BASE = "/var/tmp/image-hub";

    static ElasticsearchLayout prepare(EmbeddedStackSettings settings, int httpPort, int transportPort) {
        Path distributionHome = findHome(settings.elasticsearchDistribution());
        boolean root = isRoot();
        Path home = distributionHome;
        Path run = settings.workDir().resolve("elasticsearch");
        if (root && !(reachableByOthers(distributionHome) && reachableByOthers(settings.workDir()))) {
            Path base = Path.of(SHARED_BASE, shortHash(settings.workDir().toString()));
            home = copyOnce(distributionHome, base.resolve(distributionHome.getFileName()));
            run = base.resolve("run");
        }
        ElasticsearchLayout layout = new ElasticsearchLayout(home, run, root ? Optional.of(SERVICE_USER) : Optional.empty());
        layout.stopStaleNode();
        layout.createRunFolder(distributionHome, httpPort, transportPort);
        return layout;
    }

    Path config() {
        return run.resolve("config");
    }

    Path tmp() {
        return run.resolve("tmp");
    }

    Path pidFile() {
        return run.resolve("elasticsearch.pid");
    }

    Path launcherLog() {
        return run.resolve("launcher.log");
    }

    Optional<Long> readPid() {
        try {
            return Files.exists(pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void clearPidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // The process is gone; a left-over pid file is handled by stopStaleNode() next time.
        }
    }

    void delete() {
        deleteTree(run);
    }

    /** A node left running by a hub that was killed (not stopped) would hold the ports: end it first. */
    private void stopStaleNode() {
        readPid().flatMap(ProcessHandle::of)
                .filter(process -> process.info().commandLine().map(line -> line.contains("elasticsearch")).orElse(false))
                .ifPresent(ElasticsearchLayout::terminate);
    }

    /** SIGTERM, then SIGKILL if the node has not exited within 30 s. */
    static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private void createRunFolder(Path distributionHome, int httpPort, int transportPort) {
        deleteTree(run);
        try {
            Files.createDirectories(run.resolve("data"));
            Files.createDirectories(run.resolve("logs"));
            Files.createDirectories(tmp());
            copyTree(distributionHome.resolve("config"), config());
            Files.writeString(config().resolve("elasticsearch.yml"), String.join("\n",
                    "cluster.name: image-hub-embedded",
                    "node.name: embedded",
                    "discovery.type: single-node",
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    "path.data: " + run.resolve("data"),
                    "path.logs: " + run.resolve("logs"),
                    "xpack.security.enabled: false",
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    ""), StandardCharsets.UTF_8);
            if (runAsUser.isPresent()) {
                ensureServiceUser();
                run("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, run.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Elasticsearch run folder " + run, e);
        }
    }

    private static Path findHome(Path distribution) {
        if (Files.isExecutable(distribution.resolve("bin/elasticsearch"))) {
            return distribution;
        }
        try (Stream<Path> children = Files.list(distribution)) {
            return children.filter(child -> Files.isExecutable(child.resolve("bin/elasticsearch")))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No Elasticsearch distribution under " + distribution
                    + ". Build once with './mvnw package' (it unpacks the pinned server) or set HUB_ELASTICSEARCH_DIST.");
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean reachableByOthers(Path path) {
        for (Path current = path.toAbsolutePath(); current != null; current = current.getParent()) {
            try {
                if (Files.exists(current)
                        && !Files.getPosixFilePermissions(current).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static Path copyOnce(Path source, Path target) {
        Path complete = target.resolve(".copy-complete");
        if (!Files.exists(complete)) {
            deleteTree(target);
            copyTree(source, target);
            try {
                Files.createFile(complete);
                for (Path current = target; current != null; current = current.getParent()) {
                    if (current.startsWith(SHARED_BASE)) {
                        Files.setPosixFilePermissions(current, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source + " to " + target, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }

    private static void ensureServiceUser() {
        if (run("id", "-u", SERVICE_USER) != 0 && run("useradd", "--system", "--user-group", "--shell", "/usr/sbin/nologin", SERVICE_USER) != 0) {
            throw new IllegalStateException("Could not create the system user '" + SERVICE_USER + "' that runs Elasticsearch as root");
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
