package org.imagehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops French elided articles ("l'amélioration" → "amélioration"); runs before folding, which keeps apostrophes. */
@NamedComponent("imagehub_french_elision")
public class FrenchElisionFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream input) {
        return new ElisionFilter(input, FrenchAnalyzer.DEFAULT_ARTICLES);
    }
}
