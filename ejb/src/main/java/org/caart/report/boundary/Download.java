package org.caart.report.boundary;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A report ready to stream: the caller's access was checked when it was made; its body reads the results in pages
 * (each page a short transaction of its own, checked again) while it writes them.
 */
public record Download(String fileName, String mediaType, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
