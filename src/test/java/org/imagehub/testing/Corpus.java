package org.imagehub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the real pages in ../shared/corpus into localization bodies: the first substantial line is the title. */
public final class Corpus {
    private Corpus() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("hub.shared.dir", "../shared"), "corpus");
    }

    public static Map<String, Object> localization(String lang, String file, String translatedFrom) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir().resolve(file)).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Corpus file missing: " + file, e);
        }
        String title = lines.stream().filter(line -> line.codePointCount(0, line.length()) >= 20).findFirst().orElse(lines.get(0));
        if (title.codePointCount(0, title.length()) > 190) {
            title = title.substring(0, title.offsetByCodePoints(0, 190));
        }
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</p>");
        }
        Map<String, Object> localization = new LinkedHashMap<>();
        localization.put("lang", lang);
        localization.put("title", title);
        localization.put("body", body.toString());
        if (translatedFrom != null) {
            localization.put("translatedFrom", translatedFrom);
        }
        return localization;
    }
}
