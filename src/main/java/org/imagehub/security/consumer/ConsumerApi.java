package org.imagehub.security.consumer;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks resources that consumers call with an API key; the key must carry {@link #scope()}. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConsumerApi {
    String scope() default Scopes.CONTENT_READ;

    /**
     * The key may also come as the {@code key} query parameter: for page beacons, which cannot set headers. Only for
     * write-only scopes, whose key is public in a page anyway.
     */
    boolean keyInQuery() default false;
}
