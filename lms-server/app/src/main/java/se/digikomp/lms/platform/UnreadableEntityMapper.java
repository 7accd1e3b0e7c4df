package se.digikomp.lms.platform;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey wraps a body that JSON-B or JSON-P could not read in a {@link ProcessingException}: that is the
 * client's mistake (400). Any other processing failure is ours and goes the way of
 * {@link UnexpectedExceptionMapper}.
 */
@Provider
public class UnreadableEntityMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return MalformedJsonMapper.malformed(uri);
            }
        }
        return UnexpectedExceptionMapper.respond(exception, uri);
    }
}
