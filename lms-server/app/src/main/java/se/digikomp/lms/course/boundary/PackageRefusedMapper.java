package se.digikomp.lms.course.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import se.digikomp.lms.course.entity.PackageRefusedException;
import se.digikomp.lms.platform.Problem;

/**
 * A refused package as problem+json: 422 (413 for a cap on size), the reason in {@code detail} and the file of the
 * package it is about in the {@code file} member. Nothing of the package was stored.
 */
@Provider
public class PackageRefusedMapper implements ExceptionMapper<PackageRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PackageRefusedException e) {
        return Problem.of(e.tooLarge() ? 413 : 422, e.tooLarge() ? "Package too large" : "Package refused")
                .detail(e.getMessage() + ". Nothing was imported.")
                .with("file", e.file())
                .instance("/" + uri.getPath())
                .toResponse().build();
    }
}
