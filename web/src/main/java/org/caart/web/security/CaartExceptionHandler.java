package org.caart.web.security;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import org.caart.platform.CaartException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.NotFoundException;

/**
 * Turns the boundaries' refusals into what a browser expects: a page that loads another company's id (or one
 * that does not exist) answers 404, a role that may not see it 403, exactly as the REST API does. Refusals of an
 * ajax action, and any other business refusal, become a message on the page.
 */
public class CaartExceptionHandler extends ExceptionHandlerWrapper {

    public CaartExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Optional<CaartException> refusal = refusal(events.next().getContext().getException());
            if (refusal.isPresent() && !faces.getResponseComplete()) {
                events.remove();
                respond(faces, refusal.get());
            }
        }
        getWrapped().handle();
    }

    private static void respond(FacesContext faces, CaartException refusal) {
        int status = refusal instanceof NotFoundException ? 404 : refusal instanceof ForbiddenException ? 403 : 0;
        boolean postback = faces.isPostback() || faces.getPartialViewContext().isAjaxRequest();
        if (status != 0 && !postback) {
            try {
                faces.getExternalContext().responseSendError(status, refusal.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
            return;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        if (faces.getPartialViewContext().isAjaxRequest()) {
            faces.getPartialViewContext().getRenderIds().add("messages");
        }
        faces.validationFailed();
    }

    static Optional<CaartException> refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CaartException caart) {
                return Optional.of(caart);
            }
        }
        return Optional.empty();
    }

    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new CaartExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
