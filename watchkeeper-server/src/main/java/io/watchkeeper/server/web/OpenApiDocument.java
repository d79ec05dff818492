package io.watchkeeper.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the REST API, {@code openapi.json} beside this class: written by hand, and held to
 * the real routes and responses by {@code OpenApiIT}. Read once, on first request.
 */
final class OpenApiDocument {

    static final String RESOURCE = "openapi.json";

    private OpenApiDocument() {
    }

    private static final class Holder {
        static final byte[] BYTES = read();
    }

    static byte[] bytes() {
        return Holder.BYTES.clone();
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
