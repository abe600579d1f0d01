package org.imagehub.esanalysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Simplified Chinese split into words (a hidden Markov model over Lucene's smartcn dictionary), not characters. */
@NamedComponent("imagehub_smartcn_tokenizer")
public class SmartChineseTokenizerFactory implements TokenizerFactory {
    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
