package org.caart.export.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.caart.platform.archive.ArchiveOut;

/**
 * {@code manifest.json}, the archive's last entry: the format version (what an importer must understand), the
 * instance's schema version, the company, when it was made, and every file with its SHA-256, size and rows.
 */
public record Manifest(int format, String schema, long companyId, String companyName, String exportedAt,
        List<String> parts, List<ArchiveOut.FileEntry> files) {

    /** The format this instance writes and the newest it reads. */
    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Manifest read(byte[] json) throws java.io.IOException {
        return JSON.readValue(json, Manifest.class);
    }
}
