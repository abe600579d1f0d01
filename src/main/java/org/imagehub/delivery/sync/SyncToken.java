package org.imagehub.delivery.sync;

import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.paging.Cursors;

/**
 * Where a consumer's mirror stands: in the snapshot (every item numbered up to {@code horizon}, after a position) or
 * in the deltas (every change numbered above {@code since}). Signed, and bound to the consumer and its scope.
 */
record SyncToken(String consumerId, String scope, boolean snapshot, long horizon, String afterStory, String afterLang, long since) {
    private static final String VERSION = "sync1";

    static SyncToken snapshotStart(String consumerId, String scope, long horizon) {
        return new SyncToken(consumerId, scope, true, horizon, "", "", 0);
    }

    static SyncToken delta(String consumerId, String scope, long since) {
        return new SyncToken(consumerId, scope, false, 0, "", "", since);
    }

    String encode(Cursors cursors) {
        return cursors.encode(VERSION, consumerId, scope, snapshot ? "s" : "d", Long.toString(horizon), afterStory, afterLang, Long.toString(since));
    }

    static SyncToken decode(String token, Cursors cursors, String consumerId, String scope) {
        String[] decoded = cursors.decode(token, VERSION, "token");
        if (decoded.length != 7) {
            throw invalid("this token is from another version of the hub; start again without a token");
        }
        String[] parts = new String[8];
        parts[0] = VERSION;
        System.arraycopy(decoded, 0, parts, 1, 7);
        if (!parts[1].equals(consumerId)) {
            throw invalid("this token belongs to another consumer");
        }
        if (!parts[2].equals(scope)) {
            throw invalid("your key's scope changed since this token was issued; start again without a token");
        }
        try {
            return new SyncToken(parts[1], parts[2], "s".equals(parts[3]), Long.parseLong(parts[4]), parts[5], parts[6], Long.parseLong(parts[7]));
        } catch (NumberFormatException e) {
            throw invalid("pass back the token exactly as received");
        }
    }

    private static ValidationException invalid(String hint) {
        return new ValidationException("The sync token cannot be used: " + hint + ".",
                List.of(new FieldError("query.token", "invalid-token", hint)));
    }
}
