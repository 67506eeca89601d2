package org.caart.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.caart.mail.boundary.Outbox;

/** On a page that has just queued mail: a warning when that mail will not reach anyone yet, and why. */
public final class MailNotice {

    private MailNotice() {
    }

    public static void warnIfUndeliverable(FacesContext faces, Outbox outbox) {
        outbox.deliveryProblem().ifPresent(problem -> faces.addMessage(null, new FacesMessage(
                FacesMessage.SEVERITY_WARN, "Mail not delivered: " + problem, null)));
    }
}
