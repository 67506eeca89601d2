package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's /openapi document as a client generator reads it (swagger-parser, the parser of openapi-generator):
 * valid, one server given relative to wherever the document was fetched from, unique operation ids, and every
 * request body typed.
 */
@ExtendWith(SharedServer.class)
class OpenApiIT {

    @Test
    void theDocumentIsOneAClientGeneratorAccepts() {
        String yaml = SharedServer.operatorApi().get("/openapi").body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        OpenAPI api = parsed.getOpenAPI();
        assertEquals(List.of(), parsed.getMessages(), "the parser has nothing to say");

        List<String> servers = api.getServers().stream().map(Server::getUrl).toList();
        assertEquals(List.of("/"), servers, "a relative server, not the host the document was made on");
        assertFalse(yaml.contains("127.0.0.1") || yaml.contains("localhost"), "no test host anywhere");

        Map<String, List<String>> ids = new HashMap<>();
        List<String> untyped = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            ids.computeIfAbsent(String.valueOf(operation.getOperationId()), id -> new ArrayList<>()).add(name);
            untypedBody(operation).ifPresent(type -> untyped.add(name + " (" + type + ")"));
        }));
        assertFalse(ids.containsKey("null"), "every operation has an id: " + ids.get("null"));
        Map<String, List<String>> duplicates = new HashMap<>(ids);
        duplicates.values().removeIf(operations -> operations.size() == 1);
        assertEquals(Map.of(), duplicates, "operation ids are unique");
        assertTrue(ids.size() >= 70, "the whole API is described: " + ids.size() + " operations");
        assertEquals(List.of(), untyped, "every request body has a schema");
        assertTrue(ids.containsKey("listCompaniesEndpoints"), "a common name takes its path's words: " + ids.keySet());
    }

    /** The media type whose schema says nothing about the body, if any. */
    private static java.util.Optional<String> untypedBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, MediaType> content : operation.getRequestBody().getContent().entrySet()) {
            Schema<?> schema = content.getValue().getSchema();
            if (schema == null || schema.get$ref() == null && schema.getType() == null
                    && (schema.getTypes() == null || schema.getTypes().isEmpty())) {
                return java.util.Optional.of(content.getKey());
            }
        }
        return java.util.Optional.empty();
    }
}
