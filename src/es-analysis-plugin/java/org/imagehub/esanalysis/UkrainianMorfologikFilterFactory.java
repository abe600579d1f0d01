package org.imagehub.esanalysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Ukrainian lemmas from the morfologik dictionary (ua.net.nlp), as Lucene's {@code UkrainianMorfologikAnalyzer} builds
 * them after its tokenizer and lower-casing: typographic apostrophes and stress marks normalized, its stop words
 * dropped, then every word replaced by its dictionary lemmas ("резолюцію" → "резолюція"); unknown words pass as they
 * are. The analyzer's own resource loading is not used: under Elasticsearch's plugin class loader it looks for a
 * named module layer the plugin does not have, so the dictionary is read from this plugin's class path.
 */
@NamedComponent("imagehub_ukrainian_morfologik")
public class UkrainianMorfologikFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream input) {
        return new MorfologikFilter(new StopFilter(new Normalizer(input), Resources.STOP_WORDS), Resources.DICTIONARY);
    }

    /** Loaded once per node, on the first analyzer built (the dictionary is 7 MB). */
    private static final class Resources {
        static final Dictionary DICTIONARY = dictionary();
        static final CharArraySet STOP_WORDS = stopWords();

        private static Dictionary dictionary() {
            URL dict = UkrainianMorfologikFilterFactory.class.getClassLoader().getResource("ua/net/nlp/ukrainian.dict");
            if (dict == null) {
                throw new IllegalStateException("ua/net/nlp/ukrainian.dict is not on the plugin's class path");
            }
            try {
                return Dictionary.read(dict);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static CharArraySet stopWords() {
            try (InputStream in = UkrainianMorfologikAnalyzer.class.getResourceAsStream("stopwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("the Ukrainian stop words are not on the plugin's class path");
                }
                return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The dictionary spells apostrophes "'" and has no stress marks: "м’яч", "мʼяч" and "м'яч" meet. */
    private static final class Normalizer extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Normalizer(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] chars = term.buffer();
            int kept = 0;
            for (int i = 0; i < term.length(); i++) {
                char c = chars[i];
                if (c == '\u0301') {
                    continue;
                }
                chars[kept++] = c == '\u2019' || c == '\u02BC' ? '\'' : c;
            }
            term.setLength(kept);
            return true;
        }
    }
}
