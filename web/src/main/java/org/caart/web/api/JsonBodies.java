package org.caart.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Request bodies read only once the caller is known: a resource takes the body as a stream, authenticates, then
 * parses it here (the size is capped before, by {@code RequestBodyLimit}).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as {@code type}, or null for an empty body; JSON that does not fit is a JsonbException (400). */
    public static <T> T read(InputStream body, Class<T> type) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            if (bytes.length == 0) {
                return null;
            }
            return JsonbSettings.JSONB.fromJson(new java.io.ByteArrayInputStream(bytes), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
