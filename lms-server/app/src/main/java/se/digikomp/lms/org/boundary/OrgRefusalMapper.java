package se.digikomp.lms.org.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.digikomp.lms.org.control.OrgRefusal;
import se.digikomp.lms.org.control.PeopleDirectory;
import se.digikomp.lms.platform.Problem;

/** The org feature's refusals as problem details: 404 (not in your organisation), 400 (invalid), 409 (conflict). */
@Provider
public class OrgRefusalMapper implements ExceptionMapper<OrgRefusal> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(OrgRefusal refusal) {
        int status = switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
        };
        return Problem.of(status).detail(refusal.getMessage()).instance("/" + uri.getPath()).toResponse().build();
    }

    /** A bad people-list cursor is a 400 too. */
    @Provider
    public static class BadCursorMapper implements ExceptionMapper<PeopleDirectory.BadCursor> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PeopleDirectory.BadCursor bad) {
            return Problem.of(400).detail(bad.getMessage()).instance("/" + uri.getPath()).toResponse().build();
        }
    }
}
