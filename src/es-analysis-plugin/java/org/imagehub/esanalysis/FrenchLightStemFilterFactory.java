package org.imagehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Savoy's light French stemmer: plurals and feminine forms meet ("élections" finds "élection"). */
@NamedComponent("imagehub_french_light_stem")
public class FrenchLightStemFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream input) {
        return new FrenchLightStemFilter(input);
    }
}
