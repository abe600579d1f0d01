package org.imagehub.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.elasticsearch.client.ResponseException;

/**
 * Which analyzer each language gets, chosen from what the cluster offers. For every language the candidates are
 * tried best first with {@code _analyze} (a component the cluster lacks is a 400): the hub's own plugin on the
 * embedded cluster ({@code imagehub_*}), then the production plugins {@code analysis-icu} and
 * {@code analysis-smartcn} with the full distribution's stemmers, then the full distribution without plugins, and
 * finally {@code standard} (which every cluster has; the Java-side folded field then carries diacritic folding).
 * Each language's text goes to its own fields ({@code liveTitle_fr}, {@code liveText_fr}…) analysed this way.
 */
final class LanguageAnalysis {
    /** The languages with an analyzer of their own (by primary subtag); others use only the standard fields. */
    static final List<String> LANGUAGES = List.of("vi", "fr", "en", "zh", "uk", "ru");

    /** One way to analyse a language: a name for the readiness report, a tokenizer and filters (each a definition). */
    record Chain(String name, Object tokenizer, List<Object> filters) {
    }

    private static final Chain STANDARD = new Chain("standard", "standard", List.of("lowercase"));
    private static final Map<String, List<Chain>> CANDIDATES = candidates();

    private final Map<String, Chain> chosen;

    private LanguageAnalysis(Map<String, Chain> chosen) {
        this.chosen = chosen;
    }

    /** Before detection, or when it failed: the standard analyzer for every language. */
    static LanguageAnalysis fallback() {
        Map<String, Chain> all = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> all.put(lang, STANDARD));
        return new LanguageAnalysis(all);
    }

    static LanguageAnalysis detect(StoryIndex index) throws IOException {
        Map<String, Chain> all = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            Chain best = STANDARD;
            for (Chain candidate : CANDIDATES.get(lang)) {
                if (available(index, candidate)) {
                    best = candidate;
                    break;
                }
            }
            all.put(lang, best);
        }
        return new LanguageAnalysis(all);
    }

    /** The key of a document's language: its primary subtag when it has an analyzer of its own, else none. */
    static String keyOf(String lang) {
        String primary = lang.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(primary) ? primary : null;
    }

    static String analyzerName(String lang) {
        return "hub_" + lang;
    }

    /** language → the chain in use, for the readiness details. */
    Map<String, String> report() {
        Map<String, String> report = new LinkedHashMap<>();
        chosen.forEach((lang, chain) -> report.put(lang, chain.name()));
        return report;
    }

    /** The index settings' {@code analysis} section: one custom analyzer per language. */
    ObjectNode settings(ObjectMapper json) {
        ObjectNode analysis = json.createObjectNode();
        ObjectNode analyzers = analysis.putObject("analyzer");
        ObjectNode tokenizers = analysis.putObject("tokenizer");
        ObjectNode filters = analysis.putObject("filter");
        chosen.forEach((lang, chain) -> {
            ObjectNode analyzer = analyzers.putObject(analyzerName(lang));
            analyzer.put("type", "custom");
            analyzer.put("tokenizer", define(json, tokenizers, analyzerName(lang) + "_tokenizer", chain.tokenizer()));
            ArrayNode names = analyzer.putArray("filter");
            for (int i = 0; i < chain.filters().size(); i++) {
                names.add(define(json, filters, analyzerName(lang) + "_filter" + i, chain.filters().get(i)));
            }
        });
        return analysis;
    }

    /** A component given by name is used as is; one with settings gets a named definition. */
    private static String define(ObjectMapper json, ObjectNode section, String name, Object component) {
        if (component instanceof String plain) {
            return plain;
        }
        section.set(name, json.valueToTree(component));
        return name;
    }

    private static boolean available(StoryIndex index, Chain chain) throws IOException {
        Map<String, Object> body = Map.of("tokenizer", chain.tokenizer(), "filter", chain.filters(), "text", "Hà Nội élèves 外交部");
        try {
            index.send("POST", "/_analyze", body);
            return true;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 400) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    private static Map<String, Object> stemmer(String language) {
        return Map.of("type", "stemmer", "language", language);
    }

    private static Map<String, List<Chain>> candidates() {
        // Plugin components are referenced by type, so a missing one fails the probe instead of naming nothing.
        Object pluginIcu = type("imagehub_icu_tokenizer");
        Object pluginFolding = type("imagehub_icu_folding");
        Object icu = type("icu_tokenizer");
        Object icuFolding = type("icu_folding");
        Map<String, List<Chain>> all = new LinkedHashMap<>();
        all.put("vi", List.of(
                new Chain("imagehub-analysis: ICU tokenizer, ICU folding", pluginIcu, List.of(pluginFolding)),
                new Chain("analysis-icu: icu_tokenizer, icu_folding", icu, List.of(icuFolding)),
                new Chain("standard, lowercase, asciifolding", "standard", List.of("lowercase", "asciifolding"))));
        all.put("fr", List.of(
                new Chain("imagehub-analysis: ICU tokenizer, elision, ICU folding, light French stemmer", pluginIcu,
                        List.of(type("imagehub_french_elision"), pluginFolding, type("imagehub_french_light_stem"))),
                new Chain("analysis-icu: icu_tokenizer, elision, icu_folding, light_french stemmer", icu,
                        List.of(type("elision"), icuFolding, stemmer("light_french"))),
                new Chain("standard, elision, lowercase, asciifolding, light_french stemmer", "standard",
                        List.of(type("elision"), "lowercase", "asciifolding", stemmer("light_french")))));
        all.put("en", List.of(
                new Chain("imagehub-analysis: ICU tokenizer, ICU folding, possessive + Porter stemmer", pluginIcu,
                        List.of(pluginFolding, type("imagehub_english_stem"))),
                new Chain("analysis-icu: icu_tokenizer, icu_folding, possessive_english + english stemmers", icu,
                        List.of(icuFolding, stemmer("possessive_english"), stemmer("english"))),
                new Chain("standard, lowercase, asciifolding, possessive_english + english stemmers", "standard",
                        List.of("lowercase", "asciifolding", stemmer("possessive_english"), stemmer("english")))));
        all.put("zh", List.of(
                new Chain("imagehub-analysis: smartcn tokenizer, ICU folding", type("imagehub_smartcn_tokenizer"), List.of(pluginFolding)),
                new Chain("analysis-smartcn: smartcn_tokenizer, lowercase", type("smartcn_tokenizer"), List.of("lowercase")),
                new Chain("standard, cjk_width, lowercase, cjk_bigram", "standard", List.of("cjk_width", "lowercase", "cjk_bigram"))));
        all.put("ru", List.of(
                new Chain("imagehub-analysis: ICU tokenizer, ICU folding, light Russian stemmer", pluginIcu,
                        List.of(pluginFolding, type("imagehub_russian_light_stem"))),
                new Chain("analysis-icu: icu_tokenizer, icu_folding, light_russian stemmer", icu, List.of(icuFolding, stemmer("light_russian"))),
                new Chain("standard, lowercase, light_russian stemmer", "standard", List.of("lowercase", stemmer("light_russian")))));
        // Ukrainian lemmas need a dictionary (Lucene's morfologik module), which only the hub's plugin bundles: the
        // production plugins offer the language only as a whole analyzer (analysis-ukrainian), so there the words match
        // in the inflection given. No folding before the lemmas: it would turn "й" into "и" and "ї" into "і".
        all.put("uk", List.of(
                new Chain("imagehub-analysis: ICU tokenizer, lowercase, Ukrainian stop words + morfologik lemmas", pluginIcu,
                        List.of("lowercase", type("imagehub_ukrainian_morfologik"))),
                new Chain("analysis-icu: icu_tokenizer, icu_folding (no Ukrainian stemmer)", icu, List.of(icuFolding)),
                new Chain("standard, lowercase, asciifolding", "standard", List.of("lowercase", "asciifolding"))));
        return all;
    }
}
