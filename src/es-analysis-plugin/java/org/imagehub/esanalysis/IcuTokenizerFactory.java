package org.imagehub.esanalysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Unicode word boundaries (UAX #29) with ICU's dictionaries for scripts written without spaces. */
@NamedComponent("imagehub_icu_tokenizer")
public class IcuTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new ICUTokenizer();
    }
}
