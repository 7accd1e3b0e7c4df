package se.digikomp.lms.org.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.digikomp.lms.org.control.ImportProblem;
import se.digikomp.lms.org.control.ImportRejected;
import se.digikomp.lms.platform.Problem;

/** A refused people CSV as 400 problem details with {@code problems}: every one as {@code row:column: reason}. */
@Provider
public class ImportRejectedMapper implements ExceptionMapper<ImportRejected> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ImportRejected rejected) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        rejected.problems().stream().map(ImportProblem::text).forEach(problems::add);
        return Problem.of(400).detail(rejected.getMessage()).instance("/" + uri.getPath())
                .with("problems", problems.build()).toResponse().build();
    }
}
