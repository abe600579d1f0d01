package org.imagehub.demo.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK new enough for the embedded Elasticsearch, which needs Java 21 or newer while the hub runs on 17. */
final class JavaRuntimes {
    static final int ELASTICSEARCH_MINIMUM_JAVA = 21;

    private JavaRuntimes() {
    }

    static Path forElasticsearch(Optional<Path> override) {
        if (override.isPresent()) {
            Path home = override.get();
            if (majorVersion(home).orElse(0) < ELASTICSEARCH_MINIMUM_JAVA) {
                throw new IllegalStateException("ES_JAVA_HOME=" + home + " is not a Java " + ELASTICSEARCH_MINIMUM_JAVA
                        + "+ JDK; the embedded Elasticsearch cannot run on it.");
            }
            return home;
        }
        return candidates().stream()
                .filter(home -> majorVersion(home).orElse(0) >= ELASTICSEARCH_MINIMUM_JAVA)
                .max(Comparator.comparingInt(home -> majorVersion(home).orElse(0)))
                .orElseThrow(() -> new IllegalStateException(
                        "The embedded Elasticsearch needs a Java " + ELASTICSEARCH_MINIMUM_JAVA + " or newer JDK and none was found "
                                + "(looked at ES_JAVA_HOME, JAVA_HOME, the running JDK and /usr/lib/jvm). Install a JDK 21 or newer "
                                + "(Temurin 21/25, or openjdk-21-jdk-headless where your distribution has it) and set ES_JAVA_HOME to it."));
    }

    private static List<Path> candidates() {
        Stream<Path> explicit = Stream.of(System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(value -> value != null && !value.isBlank())
                .map(Path::of);
        Stream<Path> installed = Stream.empty();
        Path jvmDir = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvmDir)) {
            try (Stream<Path> listing = Files.list(jvmDir)) {
                installed = listing.toList().stream();
            } catch (IOException e) {
                installed = Stream.empty();
            }
        }
        return Stream.concat(explicit, installed).distinct().toList();
    }

    /** Reads JAVA_VERSION from the JDK's release file ("17.0.15" → 17, "25" → 25). */
    static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            String major = version.startsWith("1.") ? version.substring(2, 3) : version.split("[.+-]")[0];
            return Optional.of(Integer.parseInt(major));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
