package org.imagehub.platform.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;

/**
 * A request body that counts its bytes as they are read and fails with {@link PayloadTooLargeException} as soon as
 * they pass the limit, so a body without a declared length is refused after {@code limit} bytes, not after all.
 */
final class BoundedBody extends FilterInputStream {
    private final long limit;
    private final Runnable onOverflow;
    private long read;

    BoundedBody(InputStream in, long limit, Runnable onOverflow) {
        super(in);
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            onOverflow.run();
            throw tooLarge(limit);
        }
    }

    static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("The body is over the limit of " + limit + " bytes here.",
                List.of(new FieldError("body", "too-large", "at most " + limit + " bytes")));
    }
}
