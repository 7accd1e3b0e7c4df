package se.digikomp.lms.platform;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON, or not the JSON the endpoint reads, as 400 problem details. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonException exception) {
        return malformed(uri);
    }

    static Response malformed(UriInfo uri) {
        return Problem.of(400)
                .detail("The request body is not valid JSON for this endpoint.")
                .instance("/" + uri.getPath())
                .toResponse().build();
    }
}
