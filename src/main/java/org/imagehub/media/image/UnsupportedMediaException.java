package org.imagehub.media.image;

import java.util.List;
import org.imagehub.platform.errors.FieldError;

/** An upload whose bytes are not a type the hub accepts (whatever its name or declared type said): 415. */
public class UnsupportedMediaException extends org.imagehub.platform.errors.UnsupportedMediaTypeException {
    private final String sniffedType;

    public UnsupportedMediaException(String sniffedType, String reason) {
        super("The file is " + sniffedType + " (read from its bytes): " + reason,
                List.of(new FieldError("file", "unsupported-type", sniffedType + ": " + reason)));
        this.sniffedType = sniffedType;
    }

    public String sniffedType() {
        return sniffedType;
    }
}
