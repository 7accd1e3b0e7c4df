package se.digikomp.lms.platform;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B's form of {@link MalformedJsonMapper}: a body Yasson cannot read into the endpoint's type. */
@Provider
public class MalformedJsonBindingMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonbException exception) {
        return MalformedJsonMapper.malformed(uri);
    }
}
