package se.digikomp.lms.xapi.control;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the LRS. {@code jakarta.json.JsonBuilders.PROVIDER.createX(...)} looks the provider up through the
 * ServiceLoader on every call, which in the web application's class loader cost milliseconds per request
 * (measured: single-statement POSTs at 66/s); looked up once here, it costs nothing.
 */
public final class JsonBuilders {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonBuilders() {
    }
}
