import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes an NDJSON import file of N stories that look like the hub's real content: French always, plus two to four
 * of vi, en, zh-Hans, uk, es; multi-paragraph bodies of 2–5 KB (UTF-8) shuffled from the real pages in
 * {@code ../shared/corpus/}; five topics; dates spread over three years; and a list of the ~80 % of stories the
 * bench should publish. Deterministic for a given seed (run id only changes external ids and titles).
 *
 * <p>Usage: {@code java bench/GenerateImport.java STORIES OUT_FILE [RUN_ID [LANGUAGES [SEED [CORPUS_DIR]]]]}
 * where LANGUAGES is a count ({@code 3}) or a range ({@code 3-5}, the default). Also writes {@code OUT_FILE.publish}
 * (external ids to publish, one a line) and prints one summary line: {@code stories=… localizations=… bytes=… publish=…}.
 *
 * <p>Dates: the import cannot back-date a publication (publishedAt is the moment the workflow publishes it, and
 * must stay so), and an article has no date field. So the three-year spread lives where the model allows a date:
 * every article's dateline ({@code HA NOI, 12/03/2024}) and source URL ({@code …/2024/03/12/…}), and the
 * {@code deliveredAt} of the one story in ten that is a statement.
 */
public class GenerateImport {
    private static final String[] TOPICS = {"diplomacy", "foreign-information", "economy", "culture-heritage", "tourism"};
    private static final String[] OTHER_LANGUAGES = {"vi", "en", "zh-Hans", "uk", "es"};
    private static final String[] PLACES = {"HA NOI", "HUE", "DA NANG", "HO CHI MINH CITY", "PARIS", "HAI PHONG", "CAN THO"};
    private static final String[] SPEAKERS = {"Minister of Foreign Affairs", "Government spokesperson", "Deputy Minister of Foreign Affairs",
            "Ambassador to France"};
    private static final int MIN_BODY = 2 * 1024;
    private static final int MAX_BODY = 5 * 1024;
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 3 * 365;

    public static void main(String[] args) throws IOException {
        int stories = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String run = args.length > 2 ? args[2] : Long.toString(System.currentTimeMillis(), 36);
        String[] range = (args.length > 3 ? args[3] : "3-5").split("-");
        int minLanguages = Integer.parseInt(range[0]);
        int maxLanguages = Integer.parseInt(range[range.length - 1]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 47;
        Path corpus = Path.of(args.length > 5 ? args[5] : "../shared/corpus");
        if (minLanguages < 1 || maxLanguages > 1 + OTHER_LANGUAGES.length || minLanguages > maxLanguages) {
            throw new IllegalArgumentException("LANGUAGES must be within 1-" + (1 + OTHER_LANGUAGES.length));
        }
        Map<String, List<String>> paragraphs = paragraphs(corpus);
        Map<String, List<String>> titles = titles(corpus, paragraphs);
        Random random = new Random(seed);
        long localizations = 0;
        long bytes = 0;
        List<String> publish = new ArrayList<>();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < stories; i++) {
                String externalId = "bench-" + run + "-" + i;
                List<String> languages = languages(random, minLanguages, maxLanguages);
                String line = story(random, paragraphs, titles, externalId, i, languages);
                writer.write(line);
                writer.write('\n');
                localizations += languages.size();
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (random.nextInt(100) < 80) {
                    publish.add(externalId);
                }
            }
        }
        Files.write(Path.of(out + ".publish"), publish, StandardCharsets.UTF_8);
        System.out.println("stories=" + stories + " localizations=" + localizations + " bytes=" + bytes + " publish=" + publish.size());
    }

    /** French first (the source of the translations), then distinct others in random order. */
    private static List<String> languages(Random random, int min, int max) {
        List<String> others = new ArrayList<>(List.of(OTHER_LANGUAGES));
        Collections.shuffle(others, random);
        List<String> languages = new ArrayList<>();
        languages.add("fr");
        languages.addAll(others.subList(0, min - 1 + random.nextInt(max - min + 1)));
        return languages;
    }

    private static String story(Random random, Map<String, List<String>> paragraphs, Map<String, List<String>> titles, String externalId, int number, List<String> languages) {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        boolean statement = random.nextInt(10) == 0;
        List<String> topics = new ArrayList<>(List.of(TOPICS));
        Collections.shuffle(topics, random);
        StringBuilder line = new StringBuilder(24 * 1024);
        line.append("{\"externalId\":").append(json(externalId)).append(",\"type\":\"").append(statement ? "statement" : "article").append('"')
                .append(",\"topics\":[").append(json(topics.get(0)));
        if (random.nextBoolean()) {
            line.append(',').append(json(topics.get(1)));
        }
        line.append("],\"countries\":[\"VN\",\"FR\"],\"tags\":[\"bench\",\"").append(day.getYear()).append("\"],")
                .append("\"rights\":{\"credit\":\"Image Hub bench\",\"source\":\"Ministry of Foreign Affairs\",\"licence\":\"CC-BY-4.0\"},");
        if (statement) {
            line.append("\"fields\":{\"speaker\":").append(json(SPEAKERS[random.nextInt(SPEAKERS.length)]))
                    .append(",\"venue\":").append(json(PLACES[random.nextInt(PLACES.length)]))
                    .append(",\"deliveredAt\":\"").append(day).append('T').append(String.format("%02d", 1 + random.nextInt(11))).append(":00:00Z\"}");
        } else {
            line.append("\"fields\":{\"dateline\":").append(json(PLACES[random.nextInt(PLACES.length)] + ", "
                            + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))))
                    .append(",\"sourceUrl\":\"https://baoquocte.vn/").append(day.toString().replace('-', '/')).append("/bench-")
                    .append(number).append("\"}");
        }
        line.append(",\"localizations\":[");
        for (int l = 0; l < languages.size(); l++) {
            String lang = languages.get(l);
            List<String> pool = paragraphs.get(lang);
            if (l > 0) {
                line.append(',');
            }
            List<String> headlines = titles.get(lang);
            line.append("{\"lang\":\"").append(lang).append("\",\"title\":").append(json(title(headlines.get(random.nextInt(headlines.size())), lang, number)))
                    .append(",\"summary\":").append(json(sentence(pool.get(random.nextInt(pool.size())), 300)))
                    .append(",\"body\":").append(json(body(random, pool)));
            if (l > 0) {
                line.append(",\"translatedFrom\":\"fr\"");
            }
            line.append('}');
        }
        return line.append("]}").toString();
    }

    /** Paragraphs in random order until the body is 2–5 KB, a sub-heading now and then, some emphasis and a link. */
    private static String body(Random random, List<String> pool) {
        int target = MIN_BODY + random.nextInt(MAX_BODY - MIN_BODY);
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        StringBuilder body = new StringBuilder(target + 1024);
        int size = 0;
        for (int p = 0; size < target; p = (p + 1) % shuffled.size()) {
            String text = html(shuffled.get(p));
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (size > 0 && size + bytes + 7 > MAX_BODY) {
                // The next paragraph would overshoot: cut it at a sentence or word instead.
                text = html(sentence(shuffled.get(p), Math.max(80, (MAX_BODY - size - 16) / 3)));
                bytes = text.getBytes(StandardCharsets.UTF_8).length;
            }
            String element;
            if (p > 0 && random.nextInt(6) == 0) {
                element = "<h2>" + html(sentence(shuffled.get((p + 7) % shuffled.size()), 60)) + "</h2>";
            } else if (random.nextInt(8) == 0) {
                element = "<p><strong>" + text + "</strong></p>";
            } else if (random.nextInt(10) == 0) {
                element = "<p>" + text + " <a href=\"https://baoquocte.vn/\">baoquocte.vn</a></p>";
            } else {
                element = "<p>" + text + "</p>";
            }
            body.append(element);
            size += element.getBytes(StandardCharsets.UTF_8).length;
        }
        return body.toString();
    }

    /** A headline of the corpus (or a paragraph's first sentence cut to headline length) and the story's number. */
    private static String title(String headline, String lang, int number) {
        return lang.equals("zh-Hans") ? sentence(headline, 40) + "（" + number + "）" : sentence(headline, 110) + " (" + number + ")";
    }

    /** The paragraph's first sentence, cut at a word (or character, for Chinese) to at most {@code max} characters. */
    private static String sentence(String paragraph, int max) {
        int end = paragraph.length();
        for (String stop : new String[] {". ", "。", "! ", "? ", "；"}) {
            int at = paragraph.indexOf(stop);
            if (at > 20 && at + 1 < end) {
                end = at + 1;
            }
        }
        String text = paragraph.substring(0, end).strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).strip() + "…";
    }

    /**
     * Body paragraphs per language, from the corpus pages: lines long enough to be prose (page chrome, menus and
     * teaser headlines are short). English and Spanish have no page of their own, so they reuse the French text,
     * the nearest in script and length.
     */
    private static Map<String, List<String>> paragraphs(Path corpus) throws IOException {
        Map<String, List<String>> paragraphs = new LinkedHashMap<>();
        paragraphs.put("fr", prose(corpus, 150, "fr-resolution-47-cpv.txt"));
        paragraphs.put("vi", prose(corpus, 150, "vi-resolution-47-qa.txt"));
        paragraphs.put("uk", prose(corpus, 150, "uk-steering-committee-2025.txt"));
        paragraphs.put("zh-Hans", prose(corpus, 60, "zh-resolution-47-vna.txt", "zh-31st-diplomatic-conference-vna.txt"));
        paragraphs.put("en", paragraphs.get("fr"));
        paragraphs.put("es", paragraphs.get("fr"));
        return paragraphs;
    }

    /**
     * Headline-length lines per language (the pages' own titles and teaser headlines: 40–140 characters, 12–60 in
     * Chinese), topped up with paragraphs' first sentences; English and Spanish again borrow the French ones.
     */
    private static Map<String, List<String>> titles(Path corpus, Map<String, List<String>> paragraphs) throws IOException {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        titles.put("fr", headlines(corpus, 40, 140, paragraphs.get("fr"), "fr-resolution-47-cpv.txt"));
        titles.put("vi", headlines(corpus, 40, 140, paragraphs.get("vi"), "vi-resolution-47-qa.txt"));
        titles.put("uk", headlines(corpus, 40, 140, paragraphs.get("uk"), "uk-steering-committee-2025.txt"));
        titles.put("zh-Hans", headlines(corpus, 12, 60, paragraphs.get("zh-Hans"), "zh-resolution-47-vna.txt", "zh-31st-diplomatic-conference-vna.txt"));
        titles.put("en", titles.get("fr"));
        titles.put("es", titles.get("fr"));
        return titles;
    }

    private static List<String> headlines(Path corpus, int min, int max, List<String> paragraphs, String... files) throws IOException {
        List<String> headlines = new ArrayList<>();
        for (String file : files) {
            for (String line : Files.readAllLines(corpus.resolve(file), StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.length() >= min && text.length() <= max && !text.contains("http") && !text.contains("|") && !text.startsWith("Cổng thông tin")) {
                    headlines.add(text);
                }
            }
        }
        paragraphs.forEach(paragraph -> headlines.add(sentence(paragraph, max * 2 / 3)));
        return headlines;
    }

    private static List<String> prose(Path corpus, int minChars, String... files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String file : files) {
            for (String line : Files.readAllLines(corpus.resolve(file), StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.length() >= minChars && !text.startsWith("Джерело") && !text.contains("http")) {
                    lines.add(text);
                }
            }
        }
        if (lines.size() < 5) {
            throw new IllegalStateException("too little prose in " + String.join(", ", files));
        }
        return lines;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
