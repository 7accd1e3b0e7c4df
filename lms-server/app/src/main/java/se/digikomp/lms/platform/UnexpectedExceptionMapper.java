package se.digikomp.lms.platform;

import jakarta.resource.ResourceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

/**
 * Everything no more specific mapper took. The database being away answers 503 with {@code Retry-After}; any
 * other failure answers 500 with an opaque {@code errorId} that is also in the server log beside the stack
 * trace, which never reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "10";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        return respond(exception, uri);
    }

    static Response respond(Throwable exception, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        if (isDatabaseUnavailable(exception)) {
            LOG.log(Level.WARNING, "errorId={0}: database unavailable ({1})", errorId, exception.getClass().getName());
            return Problem.of(503)
                    .detail("The database is not available at the moment. Try again shortly.")
                    .instance("/" + uri.getPath())
                    .with("errorId", errorId)
                    .toResponse()
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.ERROR, "errorId=" + errorId + ": unexpected failure", exception);
        return Problem.of(500)
                .detail("Something went wrong on our side. Quote the errorId when you report it.")
                .instance("/" + uri.getPath())
                .with("errorId", errorId)
                .toResponse().build();
    }

    /** A connection-class SQL state (08xxx), a refused socket, or a pool that could not hand out a connection. */
    static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && isDatabaseUnavailable(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
