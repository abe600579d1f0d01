package org.imagehub.demo.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * Installs the hub's analysis plugin (src/es-analysis-plugin, zipped by the build beside the unpacked server) into
 * the embedded node before it starts, so the demo and the tests get ICU folding, smartcn and stemming. Skipped when
 * the same version is installed already; without the zip the node runs without it and the hub falls back to the
 * standard analyzer with Java-side folding.
 */
final class AnalysisPluginInstaller {
    private static final Logger LOG = Logger.getLogger(AnalysisPluginInstaller.class);
    static final String PLUGIN_NAME = "imagehub-analysis";
    private static final String ZIP_NAME = PLUGIN_NAME + ".zip";
    private static final String DESCRIPTOR = "stable-plugin-descriptor.properties";

    private AnalysisPluginInstaller() {
    }

    /** Several stacks of one JVM, and other JVMs sharing the distribution, must not install at the same time. */
    static synchronized void ensureInstalled(Path distribution, Path home, Path javaHome) {
        Path zip = distribution.resolve(ZIP_NAME);
        if (!Files.isRegularFile(zip)) {
            LOG.warnf("No %s under %s (build with ./mvnw package): the embedded Elasticsearch runs without the analysis plugin", ZIP_NAME,
                    distribution);
            return;
        }
        try (FileChannel channel = FileChannel.open(home.resolve(".imagehub-analysis.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            String wanted = versionInZip(zip);
            Optional<String> installed = installedVersion(home);
            if (installed.isPresent() && installed.get().equals(wanted)) {
                return;
            }
            if (installed.isPresent()) {
                runCli(home, javaHome, "remove", PLUGIN_NAME);
            }
            runCli(home, javaHome, "install", "--batch", zip.toUri().toString());
            LOG.infof("Installed the analysis plugin %s %s into %s", PLUGIN_NAME, wanted, home);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the analysis plugin into " + home, e);
        }
    }

    private static String versionInZip(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(DESCRIPTOR);
            if (entry == null) {
                throw new IOException(zip + " has no " + DESCRIPTOR);
            }
            try (InputStream in = file.getInputStream(entry)) {
                return version(in);
            }
        }
    }

    private static Optional<String> installedVersion(Path home) throws IOException {
        Path descriptor = home.resolve("plugins").resolve(PLUGIN_NAME).resolve(DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(descriptor)) {
            return Optional.of(version(in));
        }
    }

    private static String version(InputStream descriptor) throws IOException {
        Properties properties = new Properties();
        properties.load(descriptor);
        return properties.getProperty("version", "");
    }

    private static void runCli(Path home, Path javaHome, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/elasticsearch-plugin").toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("elasticsearch-plugin", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ES_JAVA_HOME", javaHome.toString());
            builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("elasticsearch-plugin " + String.join(" ", arguments) + " failed:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing the analysis plugin", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
