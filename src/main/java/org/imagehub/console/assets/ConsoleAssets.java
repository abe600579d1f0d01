package org.imagehub.console.assets;

import io.quarkus.qute.TemplateExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's scripts and styles, each at an address that carries a hash of its content: a browser keeps them for
 * a year and a new build changes the address. Loaded once at start; htmx comes from its webjar (Maven Central).
 */
@Path("/console/assets/{hash}/{name}")
@ApplicationScoped
public class ConsoleAssets {
    private record Asset(String hash, String contentType, byte[] bytes) {
    }

    private static final String SCRIPT = "text/javascript; charset=utf-8";
    private static final String STYLE = "text/css; charset=utf-8";
    /** The ES modules of the rich-text editor, by the name they import each other by. */
    private static final Map<String, String> MODULES = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("prosemirror-model", "dist/index.js"), Map.entry("prosemirror-state", "dist/index.js"),
            Map.entry("prosemirror-view", "dist/index.js"), Map.entry("prosemirror-transform", "dist/index.js"),
            Map.entry("prosemirror-commands", "dist/index.js"), Map.entry("prosemirror-keymap", "dist/index.js"),
            Map.entry("prosemirror-history", "dist/index.js"), Map.entry("prosemirror-schema-basic", "dist/index.js"),
            Map.entry("prosemirror-schema-list", "dist/index.js"), Map.entry("orderedmap", "dist/index.js"),
            Map.entry("rope-sequence", "dist/index.js"), Map.entry("w3c-keyname", "index.js")));
    private static final Map<String, Asset> ASSETS = assets();
    private static final String IMPORT_MAP = importMap();

    private static Map<String, Asset> assets() {
        Map<String, Asset> assets = new java.util.HashMap<>(Map.of(
                "htmx.js", load(webjar("htmx.org", "dist/htmx.min.js"), SCRIPT),
                "echarts.js", load(webjar("echarts", "dist/echarts.min.js"), SCRIPT),
                "reports.js", load("console-assets/reports.js", SCRIPT),
                "editor.js", load("console-assets/editor.js", SCRIPT),
                "import.js", load("console-assets/import.js", SCRIPT),
                "console.js", load("console-assets/console.js", SCRIPT),
                "console.css", load("console-assets/console.css", STYLE),
                "prosemirror.css", load(webjar("prosemirror-view", "style/prosemirror.css"), STYLE)));
        MODULES.forEach((module, file) -> assets.put(module + ".js", load(webjar(module, file), SCRIPT)));
        return Map.copyOf(assets);
    }

    @GET
    @Operation(hidden = true)
    public Response asset(@PathParam("hash") String hash, @PathParam("name") String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            return Response.status(404).build();
        }
        if (!asset.hash().equals(hash)) {
            // An address from an older build: send the browser to the current one rather than serve stale bytes.
            return Response.status(301).header(HttpHeaders.LOCATION, url(name)).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        return Response.ok(asset.bytes()).type(asset.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable").build();
    }

    /** {@code {asset:url('console.css')}} in a template: the asset's current address. */
    @TemplateExtension(namespace = "asset")
    public static String url(String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No console asset " + name);
        }
        return "/console/assets/" + asset.hash() + "/" + name;
    }

    /** {@code {asset:importMap}}: the import map that lets the editor's modules find each other (an inline script). */
    @TemplateExtension(namespace = "asset", matchName = "importMap")
    public static io.quarkus.qute.RawString importMapElement() {
        return new io.quarkus.qute.RawString("<script type=\"importmap\">" + IMPORT_MAP + "</script>");
    }

    /**
     * The import map's CSP source: the map is the console's one inline script, allowed by its hash alone (no
     * 'unsafe-inline'); built at start from the assets' hashed addresses.
     */
    public static String importMapHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(IMPORT_MAP.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String importMap() {
        StringBuilder map = new StringBuilder("{\"imports\":{");
        MODULES.keySet().forEach(module -> map.append('"').append(module).append("\":\"").append(url(module + ".js")).append("\","));
        map.setLength(map.length() - 1);
        return map.append("}}").toString();
    }

    private static String webjar(String artifact, String file) {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + file;
    }

    private static Asset load(String location, String contentType) {
        try (InputStream in = resource(location)) {
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(HexFormat.of().formatHex(digest, 0, 6), contentType, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String location) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("Console asset missing from the build: " + location);
        }
        return in;
    }
}
