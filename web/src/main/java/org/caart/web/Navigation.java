package org.caart.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Arrays;

/** Marks the menu's item of the page shown, for the layout template ({@code aria-current}). */
@Named
@RequestScoped
public class Navigation {

    /**
     * The {@code aria-current} value of a menu item: {@code page} when the item's own page is shown,
     * {@code true} when one of the pages under it is (an audit under Audits), else {@code false}.
     *
     * @param views the item's view id first, then the views under it, without ".xhtml", separated by spaces
     */
    public String current(String views) {
        return current(FacesContext.getCurrentInstance().getViewRoot().getViewId(), views);
    }

    static String current(String viewId, String views) {
        String[] ids = views.strip().split("\\s+");
        String shown = viewId == null ? "" : viewId.replaceFirst("\\.xhtml$", "");
        if (ids[0].equals(shown)) {
            return "page";
        }
        return Arrays.stream(ids).skip(1).anyMatch(shown::equals) ? "true" : "false";
    }
}
