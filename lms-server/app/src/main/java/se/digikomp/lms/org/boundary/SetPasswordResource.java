package se.digikomp.lms.org.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.digikomp.lms.org.control.PasswordTokens;

/** A new account's first password, with the one-time token from its set-password link. No sign-in needed. */
@Path("api/set-password")
@RequestScoped
@PermitAll
@Tag(name = "accounts")
public class SetPasswordResource {

    /** The token and the chosen password (a class: Payara's OpenAPI fails on constraints on record components). */
    public static class NewPassword {
        @NotBlank
        @Size(max = 100)
        public String token;

        @NotNull
        @Size(min = PasswordTokens.MIN_PASSWORD, max = PasswordTokens.MAX_PASSWORD)
        public String password;
    }

    @Inject
    PasswordTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new account's password with its one-time token (204; 400 when the token is unknown,"
            + " used or expired)")
    public Response setPassword(@Valid @NotNull NewPassword body) {
        if (!tokens.setPassword(body.token, body.password)) {
            throw new BadRequestException("This set-password link is unknown, already used or expired; ask your"
                    + " administrator for a new one.");
        }
        return Response.noContent().build();
    }
}
