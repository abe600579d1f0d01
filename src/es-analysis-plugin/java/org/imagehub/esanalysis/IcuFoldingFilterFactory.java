package org.imagehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Case, width and diacritic folding (UTR #30): "Hà Nội" and "ha noi", "élèves" and "eleves" meet. */
@NamedComponent("imagehub_icu_folding")
public class IcuFoldingFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream input) {
        return new ICUFoldingFilter(input);
    }

    /** Folding applies to normalized query terms too (prefix or fuzzy parts of a query), not only to analysed text. */
    @Override
    public TokenStream normalize(TokenStream input) {
        return new ICUFoldingFilter(input);
    }
}
