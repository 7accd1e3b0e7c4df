package se.digikomp.lms.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/** Bean Validation failures of a request as 400 problem details, one entry per violated field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        JsonArrayBuilder violations = Json.createArrayBuilder();
        exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> field(v.getPropertyPath())))
                .forEach(v -> violations.add(Json.createObjectBuilder()
                        .add("field", field(v.getPropertyPath()))
                        .add("message", v.getMessage())));
        return Problem.of(400)
                .detail("The request is not valid: " + exception.getConstraintViolations().size()
                        + " field(s) need attention.")
                .instance("/" + uri.getPath())
                .with("violations", violations.build())
                .toResponse().build();
    }

    /** The last node of the path, e.g. "name" for "create.body.name": what the client sent. */
    private static String field(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }
}
