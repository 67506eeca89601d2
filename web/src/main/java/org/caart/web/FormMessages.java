package org.caart.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.caart.platform.InvalidInputException;

/** A boundary's field errors, each at its field of the given form (field ids are the boundary's field names). */
public final class FormMessages {

    private FormMessages() {
    }

    public static void show(FacesContext faces, String formId, InvalidInputException e) {
        e.fieldErrors().forEach((field, message) -> faces.addMessage(formId + ":" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
        faces.validationFailed();
    }

    public static void info(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }
}
