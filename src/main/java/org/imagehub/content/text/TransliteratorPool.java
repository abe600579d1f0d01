package org.imagehub.content.text;

import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Instances of one ICU transliterator, each used by one thread at a time. With one per thread, every new thread (the
 * import's checking threads come and go) built its own, ~0.3 CPU-s for Any-Latin with its Han-Latin. The pool holds
 * as many as ever ran at once, and hands out the most recently returned (warmest) first.
 */
final class TransliteratorPool {
    private final String id;
    private final ConcurrentLinkedDeque<Transliterator> idle = new ConcurrentLinkedDeque<>();

    TransliteratorPool(String id) {
        this.id = id;
    }

    String transliterate(String text) {
        Transliterator transliterator = idle.pollFirst();
        if (transliterator == null) {
            transliterator = Transliterator.getInstance(id);
        }
        try {
            return transliterator.transliterate(text);
        } finally {
            idle.offerFirst(transliterator);
        }
    }
}
