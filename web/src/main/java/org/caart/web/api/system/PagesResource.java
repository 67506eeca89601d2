package org.caart.web.api.system;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every portal page this deployment serves, read from the deployed application itself. Security tests sweep it so
 * that a new page cannot escape the company-isolation checks by being left off a hand-kept list.
 */
@Path("system/pages")
@Produces(MediaType.APPLICATION_JSON)
public class PagesResource {

    @Context
    ServletContext servletContext;

    @GET
    public List<String> pages() {
        List<String> pages = new ArrayList<>();
        collect("/", pages);
        pages.sort(null);
        return pages;
    }

    private void collect(String folder, List<String> pages) {
        Set<String> entries = servletContext.getResourcePaths(folder);
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            if (entry.startsWith("/WEB-INF/") || entry.startsWith("/META-INF/") || entry.startsWith("/resources/")) {
                continue;
            }
            if (entry.endsWith("/")) {
                collect(entry, pages);
            } else if (entry.endsWith(".xhtml")) {
                pages.add(entry);
            }
        }
    }
}
