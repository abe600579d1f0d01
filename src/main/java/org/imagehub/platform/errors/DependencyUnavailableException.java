package org.imagehub.platform.errors;

/** A service the hub depends on (Elasticsearch, object storage, a receiver) did not answer; the caller may retry. */
public class DependencyUnavailableException extends DomainException {
    public DependencyUnavailableException(String detail, Throwable cause) {
        super(detail);
        initCause(cause);
    }
}
