package se.digikomp.lms.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own HTTP errors (404 for an unknown path, 405, 401 and 403 from our filters, 400 from resources) as
 * problem details. Headers the status needs, such as {@code Allow} or {@code WWW-Authenticate}, are kept. A
 * response that already carries an entity was built on purpose (for instance by the LRS) and is passed on as is.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        Problem problem = Problem.of(original.getStatus()).instance("/" + uri.getPath());
        if (exception.getMessage() != null && !exception.getMessage().startsWith("HTTP " + original.getStatus())) {
            problem.detail(exception.getMessage());
        }
        Response.ResponseBuilder response = problem.toResponse();
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER,
                HttpHeaders.LOCATION}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }
}
