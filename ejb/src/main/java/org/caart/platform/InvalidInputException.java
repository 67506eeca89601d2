package org.caart.platform;

import java.util.Map;

/** Input broke a rule; {@link #fieldErrors()} names each offending field with a sentence. */
public class InvalidInputException extends CaartException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
