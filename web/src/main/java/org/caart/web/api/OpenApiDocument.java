package org.caart.web.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The /openapi document as client generators need it (configured as {@code mp.openapi.filter}): one server, relative
 * ("/": wherever the document was fetched from, not the host it was made on), and an operation id that is unique:
 * the Java method's name, followed by its path's words where another operation has the same name
 * ({@code list} on {@code /api/companies/{company}/endpoints} is {@code listCompaniesEndpoints}).
 */
public class OpenApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("this server (the document's own origin)"))));
        dropPayaraEndpoints(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // a GET has no body: Payara takes a suspended AsyncResponse parameter (the agent's order poll) for one
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getGET() != null) {
                item.getGET().setRequestBody(null);
            }
        });
        List<Named> operations = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) ->
                operations.add(new Named(path, method, operation))));
        Map<String, Integer> uses = new HashMap<>();
        operations.forEach(o -> uses.merge(o.baseId(), 1, Integer::sum));
        Map<String, Integer> taken = new HashMap<>();
        for (Named named : operations) {
            String id = uses.get(named.baseId()) == 1 ? named.baseId() : named.baseId() + words(named.path());
            int n = taken.merge(id, 1, Integer::sum);
            named.operation().setOperationId(n == 1 ? id : id + n);
        }
    }

    /**
     * Payara adds a top-level "endpoints" list that is not part of OpenAPI (a generator's parser says "attribute
     * endpoints is unexpected"); its model has a setter for it, which the MicroProfile interface lacks.
     */
    private static void dropPayaraEndpoints(OpenAPI openAPI) {
        for (java.lang.reflect.Method method : openAPI.getClass().getMethods()) {
            if (method.getName().equals("setEndpoints") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(java.util.TreeMap.class)) {
                try {
                    // empty, not null: Payara copies the map for every request; an empty one is not written
                    method.invoke(openAPI, new java.util.TreeMap<>());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot drop Payara's endpoints list from /openapi", e);
                }
            }
        }
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        return operations == null ? Map.of() : operations;
    }

    /** The path's literal segments after /api, each capitalised: /api/companies/{company}/endpoints → CompaniesEndpoints. */
    static String words(String path) {
        StringBuilder words = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith("{") || segment.equals("api")) {
                continue;
            }
            for (String part : segment.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    words.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
                }
            }
        }
        return words.toString();
    }

    private record Named(String path, PathItem.HttpMethod method, Operation operation) {

        String baseId() {
            String id = operation.getOperationId();
            return id == null || id.isBlank() ? method.name().toLowerCase(Locale.ROOT) : id;
        }
    }
}
