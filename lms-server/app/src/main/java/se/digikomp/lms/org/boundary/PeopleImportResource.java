package se.digikomp.lms.org.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.org.control.PeopleImport;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.RequiresRole;
import se.digikomp.lms.security.Role;

/** People from the HR system: a CSV file (docs/organisations.md lists the columns, counts and errors). */
@Path("api/people/import")
@RequestScoped
@RequiresRole(Role.ADMIN)
@Tag(name = "people")
@SecurityRequirement(name = "basic")
public class PeopleImportResource {

    @Inject
    PeopleImport imports;

    @Inject
    @ConfigProperty(name = "lms.org.import-max-bytes", defaultValue = "20971520")
    long maxBytes;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import people from a CSV (organisation administrator)", description = "UTF-8 (with or"
            + " without BOM) or Windows-1252, ';' or ',' separated, columns by English or Swedish header name. Matches"
            + " people by employee number. dryRun=true only checks and counts; full=true deactivates people with an"
            + " employee number who are missing from the file. Any problem rejects the whole file (400, problems as"
            + " row:column: reason). New people get an account and a one-time set-password link, in this answer only.")
    public PeopleImport.Result importPeople(InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                            @QueryParam("full") @DefaultValue("false") boolean full,
                                            @HeaderParam("Content-Length") Long length,
                                            @Context SecurityContext security) {
        if (length != null && length > maxBytes) {
            drain(body);
            throw tooLarge();
        }
        Caller caller = (Caller) security.getUserPrincipal();
        return imports.run(caller.organisationId(), caller.accountId(), http.getRemoteAddr(), read(body), dryRun, full);
    }

    private byte[] read(InputStream body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try (body) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                if (bytes.size() + n > maxBytes) {
                    drain(body);
                    throw tooLarge();
                }
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads and discards what the client still sends (at most 256 MiB), so that it reads the 413 instead of a
     * closed connection.
     */
    private static void drain(InputStream body) {
        byte[] buffer = new byte[65536];
        long read = 0;
        try {
            for (int n; read < 256L * 1024 * 1024 && (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("The file is larger than " + maxBytes + " bytes (lms.org.import-max-bytes);"
                + " split it or ask the operator to raise the limit.", 413);
    }
}
