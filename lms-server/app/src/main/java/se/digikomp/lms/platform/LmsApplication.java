package se.digikomp.lms.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * One JAX-RS application at the root: our own API under {@code /api}, the LRS under {@code /xapi}, pages at
 * {@code /}. Resources and providers are discovered; {@code /health} and {@code /openapi} are Payara's own.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Digikomp LMS API", version = "0.1.0",
        description = "Digikomp's own REST API. Errors are RFC 9457 problem details (application/problem+json). "
                + "Authenticate with HTTP Basic (demo accounts are listed in README.md)."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class LmsApplication extends Application {
}
