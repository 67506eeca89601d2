package org.caart.web.security;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
            Throwable thrown = events.next().getContext().getException();
            if (expired(thrown) && faces.getPartialViewContext().isAjaxRequest() && !faces.getResponseComplete()
                    && reload(faces)) {
                events.remove();
                continue;
            }
            Optional<CaartException> refusal = refusal(thrown);
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

    /**
     * An ajax request (a live page's poll, a button) on a view the session no longer keeps: the page is loaded again
     * with what is current, saying so, instead of a poll that fails silently from then on. Only the path and query
     * of the Referer are taken (its scheme and host are dropped), so this can redirect nowhere but into this
     * application. A page reloaded for this within the last {@link #RELOAD_PAUSE} is not reloaded again (more live
     * pages open in one session than Faces keeps views would otherwise push each other out for ever): that request
     * fails as before (false).
     */
    private static boolean reload(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        Optional<String> page = page(external.getRequestContextPath(), external.getRequestHeaderMap().get("Referer"));
        String target = page.orElse(external.getRequestContextPath() + "/app/dashboard.xhtml");
        if (!firstReloadLately(external.getSessionMap(), target, System.currentTimeMillis())) {
            return false;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, page.isPresent()
                ? "This page had been open a long time and was loaded again with what is current. Nothing was "
                        + "changed: if you were doing something, do it again."
                : "The page you were on had been open a long time and the server no longer keeps it. Nothing was "
                        + "changed: open it again and repeat what you were doing.", null));
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return true;
    }

    static final long RELOAD_PAUSE = 30_000;

    /** Notes a reload of the page in the session; false when it was reloaded so within {@link #RELOAD_PAUSE}. */
    @SuppressWarnings("unchecked")
    static boolean firstReloadLately(Map<String, Object> session, String target, long now) {
        Map<String, Long> reloads = (Map<String, Long>) session.computeIfAbsent(RELOADS,
                k -> new ConcurrentHashMap<String, Long>());
        reloads.values().removeIf(at -> now - at >= RELOAD_PAUSE);
        return reloads.putIfAbsent(target, now) == null;
    }

    private static final String RELOADS = CaartExceptionHandler.class.getName() + ".reloads";

    /** The path and query of a Referer inside this application, or empty. */
    static Optional<String> page(String contextPath, String referer) {
        if (referer == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(referer);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(contextPath + "/") || path.startsWith("//") || path.contains("/../")
                || !path.endsWith(".xhtml")) {
            return Optional.empty();
        }
        return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    static boolean expired(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
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
