package org.imagehub.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Savoy's light Russian stemmer: case and number endings removed. */
@NamedComponent("imagehub_russian_light_stem")
public class RussianLightStemFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream input) {
        return new RussianLightStemFilter(input);
    }
}
